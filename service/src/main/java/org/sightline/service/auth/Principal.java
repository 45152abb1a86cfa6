package org.sightline.service.auth;

/**
 * The caller of a request: a token's public id (what the audit log records as "who"), its role and
 * the name it was issued to.
 */
public record Principal(String tokenId, Role role, String name) {}
