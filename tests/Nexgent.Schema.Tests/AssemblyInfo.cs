using NUnit.Framework;

// Every test works in databases of its own, so fixtures run side by side, one per core.
[assembly: Parallelizable(ParallelScope.Fixtures)]
[assembly: LevelOfParallelism(2)]
