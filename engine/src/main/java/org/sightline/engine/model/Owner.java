package org.sightline.engine.model;

/**
 * A camera owner's personal data. It stays in the registry store and reaches only the
 * footage-request workflow; no output of Sightline ever copies it. {@link #toString()} is redacted
 * so that it cannot leak into a log line or an exception message by accident.
 */
public record Owner(String name, String phone, String email) implements java.io.Serializable {
    public static final Owner NONE = new Owner("", "", "");

    public Owner {
        name = name == null ? "" : name;
        phone = phone == null ? "" : phone;
        email = email == null ? "" : email;
    }

    public boolean isEmpty() {
        return name.isEmpty() && phone.isEmpty() && email.isEmpty();
    }

    @Override
    public String toString() {
        return isEmpty() ? "Owner[none]" : "Owner[redacted]";
    }
}
