package io.waybill.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bar is drawn only when standard error is a terminal. The commands run in processes of their own, with standard
 * error a file or a pseudo-terminal (made by util-linux's {@code script}), so that the answer never depends on how
 * the test runner itself is attached.
 */
class TerminalTest {

    // A bar starts with a carriage return and a bracket; plain lines never hold either.
    private static final String BAR = "\r[";

    @TempDir
    Path directory;

    @ParameterizedTest
    @ValueSource(strings = {"/dev/pts/0", "/dev/pts/17", "/dev/tty", "/dev/tty1", "/dev/ttyS0", "/dev/console"})
    void aLinkToATerminalDeviceIsATerminal(String device) throws IOException {
        assertThat(Terminal.isTerminal(Files.createSymbolicLink(directory.resolve("2"), Path.of(device)))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/tmp/err.txt", "pipe:[230118]", "socket:[4711]", "/dev/null", "/dev/pts/ptmx",
            "/home/dev/pts/1", "anon_inode:[eventpoll]"})
    void aLinkToAnythingElseIsNot(String target) throws IOException {
        assertThat(Terminal.isTerminal(Files.createSymbolicLink(directory.resolve("2"), Path.of(target)))).isFalse();
    }

    @Test
    void whatIsNoLinkIsNoTerminal() throws IOException {
        assertThat(Terminal.isTerminal(Files.createFile(directory.resolve("2")))).isFalse();
        assertThat(Terminal.isTerminal(directory.resolve("missing"))).isFalse();
    }

    @Test
    void standardErrorInAFileGetsPlainLines() throws Exception {
        CommandProcess fake = CommandProcess.run(Map.of(), directory, fakeArguments());

        assertThat(fake.exitStatus()).as(fake.err()).isZero();
        assertThat(fake.err()).contains("shipments/s").doesNotContain("\r");
    }

    @Test
    void standardErrorOnATerminalGetsTheBar() throws Exception {
        String shown = underScript(command(fakeArguments()));

        assertThat(shown).contains(BAR).contains("shipments/s");
    }

    // The case System.console() gets wrong on JDK 22 and later: standard output on a terminal, standard error not.
    @Test
    void standardErrorInAFileGetsPlainLinesEvenWhenStandardOutputIsATerminal() throws Exception {
        Path err = directory.resolve("err.txt");

        String shown = underScript(command(fakeArguments()) + " 2>" + quoted(err.toString()));

        assertThat(shown).doesNotContain(BAR).contains("fake.csv: 300 shipments");
        assertThat(Files.readString(err, StandardCharsets.UTF_8)).contains("shipments/s").doesNotContain("\r");
    }

    private String[] fakeArguments() {
        return new String[] {"fake", "--count", "300", "--seed", "1", "--csv", directory.resolve("fake.csv").toString()};
    }

    /** What {@code shellCommand} writes to the pseudo-terminal that {@code script} runs it on. */
    private String underScript(String shellCommand) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux's script makes the pseudo-terminal");
        Path shown = directory.resolve("shown.txt");
        Process script = new ProcessBuilder("/usr/bin/script", "--quiet", "--return", "--command", shellCommand,
                        "/dev/null")
                .directory(directory.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(shown.toFile())
                .redirectErrorStream(true)
                .start();
        assertThat(script.waitFor(60, TimeUnit.SECONDS)).as("script ended").isTrue();
        String text = Files.readString(shown, StandardCharsets.UTF_8);
        assertThat(script.exitValue()).as(text).isZero();
        return text;
    }

    /** The {@code waybill} command line, quoted for {@code sh}, on the test's class path. */
    private static String command(String... arguments) {
        List<String> words = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        words.addAll(List.of(arguments));
        return words.stream().map(TerminalTest::quoted).collect(Collectors.joining(" "));
    }

    private static String quoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
