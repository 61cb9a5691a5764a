return await HealthStats.Cli.CliApp.RunAsync(args, Console.Out, Console.Error);
