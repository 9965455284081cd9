using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Safe6G.Bench -- --filter '*'   (see bench/README.md)
BenchmarkSwitcher.FromAssembly(typeof(Safe6G.Bench.ExpositionBenchmarks).Assembly).Run(args);
