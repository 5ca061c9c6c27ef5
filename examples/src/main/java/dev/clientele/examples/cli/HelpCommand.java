package dev.clientele.examples.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code clientele help [COMMAND [SUB-COMMAND ...]]}: the help of a command at any depth ({@code help customer add}
 * is the help of {@code customer add}, not of {@code customer}), which picocli's own help command does not do.
 */
@Command(name = "help", helpCommand = true, header = "Show the help of a command, or of the tool.",
        description = {"The same text as COMMAND --help. Sub-commands are named after their command."},
        footerHeading = "%nExamples:%n",
        footer = {"  ./clientele help", "  ./clientele help customer add", "  ./clientele help import"})
final class HelpCommand implements CommandLine.IHelpCommandInitializable2, Runnable {
    @Parameters(paramLabel = "COMMAND", arity = "0..*",
            description = "The command, and its sub-command if it has some (customer add, group list, ...).")
    String[] commands = {};

    private CommandLine self;
    private CommandLine.Help.ColorScheme colors;
    private PrintWriter out;

    @Override
    public void init(CommandLine helpCommandLine, CommandLine.Help.ColorScheme colorScheme, PrintWriter outWriter,
            PrintWriter errWriter) {
        this.self = helpCommandLine;
        this.colors = colorScheme;
        this.out = outWriter;
    }

    @Override
    public void run() {
        CommandLine target = self.getParent();
        for (String name : commands) {
            CommandLine sub = target.getSubcommands().get(name);
            if (sub == null) {
                throw new CommandLine.ParameterException(self, "'" + name + "' is not a command of "
                        + target.getCommandSpec().qualifiedName() + (target.getSubcommands().isEmpty()
                        ? " (it has no sub-commands)" : "; its commands: "
                        + String.join(", ", target.getSubcommands().keySet())));
            }
            target = sub;
        }
        target.usage(out, colors);
        out.flush();
    }
}
