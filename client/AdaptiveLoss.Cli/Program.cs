// Wiring only: the commands live in Commands/.
return await AdaptiveLoss.Cli.Commands.CliApp.RunAsync(args, Console.Out, Console.Error);
