using Safe6G.Collector;

return await Cli.RunAsync(args).ConfigureAwait(false);
