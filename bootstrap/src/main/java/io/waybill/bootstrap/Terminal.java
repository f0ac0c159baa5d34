package io.waybill.bootstrap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Whether standard error, where progress is drawn, is a terminal. {@code System.console()} cannot tell: it speaks of
 * standard input and output, and from JDK 22 on it is there even when both are redirected. Instead the link that
 * names descriptor 2 ({@code /proc/self/fd/2} on Linux, or {@code /dev/fd/2}) is read: a terminal is a
 * {@code /dev/pts/N}, {@code /dev/ttyX} or {@code /dev/console}; a file, a pipe or {@code /dev/null} is not. Where
 * there is no such link (Windows; macOS, whose {@code /dev/fd} holds devices rather than links) the answer is no,
 * which costs only the bar: progress is then shown as plain lines.
 */
final class Terminal {

    private static final List<Path> STANDARD_ERROR = List.of(Path.of("/proc/self/fd/2"), Path.of("/dev/fd/2"));
    private static final Pattern TERMINAL_DEVICE = Pattern.compile("/dev/(pts/[0-9]+|tty[A-Za-z0-9]*|console)");

    private Terminal() {}

    static boolean isStandardError() {
        return STANDARD_ERROR.stream().anyMatch(Terminal::isTerminal);
    }

    /** Whether {@code descriptor}, a link such as {@code /proc/self/fd/2}, names a terminal device. */
    static boolean isTerminal(Path descriptor) {
        try {
            return TERMINAL_DEVICE.matcher(Files.readSymbolicLink(descriptor).toString()).matches();
        } catch (IOException | UnsupportedOperationException | SecurityException notALink) {
            return false;
        }
    }
}
