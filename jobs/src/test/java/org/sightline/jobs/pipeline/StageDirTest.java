package org.sightline.jobs.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StageDirTest {
    @TempDir
    Path out;

    @Test
    void aNewStageDeletesTheTemporaryFoldersOfDeadRunsAndKeepsLiveOnes() throws Exception {
        long dead = deadPid();
        Path stale = write(out.resolve(".coverage.tmp-" + dead + "-123/areas.csv"));
        Path live = write(out.resolve(".coverage.tmp-" + ProcessHandle.current().pid() + "-456/areas.csv"));
        Path otherStage = write(out.resolve(".gaps.tmp-" + dead + "-789/gaps.csv"));
        Path odd = write(out.resolve(".coverage.tmp-notapid/x.csv"));

        StageDir sd = new StageDir(out, "coverage");

        assertThat(stale.getParent()).doesNotExist();
        assertThat(live).exists();
        assertThat(otherStage).exists(); // another stage's folder is that stage's business
        assertThat(odd).exists(); // not ours to judge
        assertThat(sd.dir()).isDirectory();
        sd.abandon();
    }

    @Test
    void aCommitKilledBetweenItsRenamesIsUndoneAndALeftoverOldFolderIsDeleted() throws Exception {
        // killed after moving coverage aside, before moving the new folder in: the old one comes back
        Path aside = write(out.resolve(".coverage.old-42/areas.csv"));
        new StageDir(out, "coverage").abandon();
        assertThat(out.resolve("coverage/areas.csv")).hasContent("x");
        assertThat(aside.getParent()).doesNotExist();

        // killed after both renames, before deleting the old one: it goes
        Path leftover = write(out.resolve(".coverage.old-43/areas.csv"));
        new StageDir(out, "coverage").abandon();
        assertThat(leftover.getParent()).doesNotExist();
        assertThat(out.resolve("coverage/areas.csv")).exists();
    }

    @Test
    void aFolderSetAsideIsLeftAloneWhileAnotherRunOfTheStageIsWriting() throws Exception {
        Path aside = write(out.resolve(".coverage.old-44/areas.csv"));
        write(out.resolve(".coverage.tmp-" + ProcessHandle.current().pid() + "-1/areas.csv"));
        new StageDir(out, "coverage").abandon();
        assertThat(aside).exists();
        assertThat(out.resolve("coverage")).doesNotExist();
    }

    @Test
    void commitReplacesTheStageFolder() throws Exception {
        write(out.resolve("coverage/old.csv"));
        StageDir sd = new StageDir(out, "coverage");
        write(sd.dir().resolve("new.csv"));
        sd.commit();
        assertThat(out.resolve("coverage/new.csv")).exists();
        assertThat(out.resolve("coverage/old.csv")).doesNotExist();
        try (var s = Files.list(out)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("coverage");
        }
    }

    private static Path write(Path f) throws IOException {
        Files.createDirectories(f.getParent());
        return Files.writeString(f, "x");
    }

    /** The pid of a process that has exited. */
    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        long pid = p.pid();
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                .isFalse();
        return pid;
    }
}
