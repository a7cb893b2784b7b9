using Nexgent.Schema.Cli;

return await FmCommandLine.RunAsync(args);
