package dev.clientele.examples.cli;

import dev.clientele.CustomerDirectory;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every command shares: the tool's context, output, and a way to open the directory. */
abstract class Base implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    ClienteleCli cli() {
        return (ClienteleCli) spec.root().userObject();
    }

    PrintStream out() {
        return cli().out;
    }

    boolean json() {
        return cli().json();
    }

    CustomerDirectory open() {
        return cli().openDirectory();
    }

    /**
     * A directory for a command that changes it: like {@link #open()}, and the tool warns after the command when
     * a back-end it can write to keeps its data in memory only ({@link ClienteleCli#writesTo(CustomerDirectory)}).
     */
    CustomerDirectory openForWriting() {
        return cli().writesTo(open());
    }

    /** Prints the table, or a line saying it is empty. */
    void print(Table table, String emptyMessage) {
        if (table.isEmpty()) {
            out().println(emptyMessage);
        } else {
            table.print(out(), cli().columns());
        }
    }
}
