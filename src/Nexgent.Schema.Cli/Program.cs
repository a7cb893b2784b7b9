using Nexgent.Schema.Cli;

return FmCommandLine.Run(args);
