using AdaptiveLoss.Cli.Commands;
using AdaptiveLoss.Cli.Data;
using AdaptiveLoss.Cli.Hosting;
using AdaptiveLoss.Cli.Output;
using AdaptiveLoss.Cli.Parsing;
using AdaptiveLoss.Cli.Tests.Hostile;

namespace AdaptiveLoss.Cli.Tests;

/// <summary>Every usage error is found before anything starts: option rules, data folder and files, cluster.</summary>
public sealed class RunPlanTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ala-plan-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Problem(params string[] args) =>
        Assert.Throws<UsageException>(() => RunPlan.From(RunArgumentParser.Parse(args))).Message;

    [Fact]
    public void From_ZeroChildren_GivesTheValidatorMessage() =>
        Assert.Equal("--children must be in 1..1024 (got 0)", Problem("--children", "0"));

    [Fact]
    public void From_IdxWithoutData_NeedsData() => Assert.Equal("--task idx needs --data", Problem("--task", "idx"));

    [Fact]
    public void From_MissingDataFolder_NamesIt() =>
        Assert.Equal("--data folder '/nonexistent/ala' does not exist", Problem("--task", "idx", "--data", "/nonexistent/ala"));

    [Fact]
    public void From_DataFolderMissingAFile_NamesTheFile()
    {
        WriteIdxFiles(gzip: true, skip: "t10k-labels-idx1-ubyte");

        Assert.Equal($"--data folder '{_folder}' has no t10k-labels-idx1-ubyte(.gz)", Problem("--task", "idx", "--data", _folder));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void From_CompleteIdxFolder_Plans(bool gzip)
    {
        WriteIdxFiles(gzip, skip: null);

        var plan = RunPlan.From(RunArgumentParser.Parse(["--task", "idx", "--data", _folder, "--experiment-id", "e1"]));

        Assert.Equal("e1", plan.ExperimentId);
        Assert.Equal(Path.GetFullPath(Path.Combine("runs", "e1")), plan.OutDirectory);
        Assert.True(plan.Target.Embedded);
        Assert.False(Directory.Exists(plan.OutDirectory));
    }

    [Fact]
    public void From_CorruptDataFile_ThePreflightsLineNamingTheFile()
    {
        WriteIdxFiles(gzip: false, skip: null);
        HostileData.WriteImages(Path.Combine(_folder, "t10k-images-idx3-ubyte"), 10, 2, 2, magic: 7);

        Assert.Equal($"{_folder}/t10k-images-idx3-ubyte: bad magic number 7 (an IDX images file starts with 2051)",
            Problem("--task", "idx", "--data", _folder));
    }

    [Fact]
    public void From_TooFewImagesForTheValidationSize_NamesTheLabelsFile()
    {
        WriteIdxFiles(gzip: true, skip: null);

        Assert.Equal($"{_folder}/train-labels-idx1-ubyte.gz: validation size 6000 leaves no training images: the training file holds 5010",
            Problem("--task", "idx", "--data", _folder, "--validation-size", "6000"));
    }

    [Fact]
    public void Describe_SiloRefusedTheData_NamesTheDataFlag() =>
        Assert.Equal("--data: /silo/x/train-labels-idx1-ubyte: label out of range: item 3 has label 11, expected 0..9",
            RunOptionTable.Describe(new(nameof(AdaptiveLoss.Core.Options.ExperimentOptions.DataDirectory),
                ": /silo/x/train-labels-idx1-ubyte: label out of range: item 3 has label 11, expected 0..9")));

    [Fact]
    public void From_OutUnderAFile_NamesTheFlag()
    {
        WriteIdxFiles(gzip: false, skip: null);
        var file = Path.Combine(_folder, "f");
        File.WriteAllText(file, "x");

        Assert.Equal($"--out '{file}/run' cannot be created: {file} is a file", Problem("--task", "idx", "--data", _folder, "--out", Path.Combine(file, "run")));
        Assert.Equal($"--state '{file}/state' cannot be created: {file} is a file", Problem("--task", "idx", "--data", _folder, "--state", Path.Combine(file, "state")));
        Assert.Equal($"--tensorboard '{file}/tb' cannot be created: {file} is a file", Problem("--task", "idx", "--data", _folder, "--tensorboard", Path.Combine(file, "tb")));
    }

    [Fact]
    public void From_CifarFolderWithoutTestBatch_NamesIt()
    {
        foreach (var file in DataFolderCheck.Cifar10Files.SkipLast(1))
        {
            File.WriteAllBytes(Path.Combine(_folder, file), [0]);
        }

        Assert.Equal($"--data folder '{_folder}' has no test_batch.bin", Problem("--task", "cifar10", "--model", "resnet8", "--data", _folder));
    }

    [Fact]
    public void From_OutIsAFile_IsAUsageError()
    {
        WriteIdxFiles(gzip: false, skip: null);
        var file = Path.Combine(_folder, "t10k-images-idx3-ubyte");

        Assert.Equal($"--out '{file}' is a file, not a folder", Problem("--task", "idx", "--data", _folder, "--out", file));
    }

    [Fact]
    public void From_OutHoldsResults_RefusedUnlessForce()
    {
        WriteIdxFiles(gzip: false, skip: null);
        var outDir = Directory.CreateDirectory(Path.Combine(_folder, "out")).FullName;
        File.WriteAllText(Path.Combine(outDir, ResultsWriter.FileName), "{}");

        Assert.Equal($"--out '{outDir}' already holds results.json: choose another --out, or add --force to overwrite it",
            Problem("--task", "idx", "--data", _folder, "--out", outDir));
        var forced = RunPlan.From(RunArgumentParser.Parse(["--task", "idx", "--data", _folder, "--out", outDir, "--force"]));
        Assert.True(forced.Force);
        Assert.False(RunPlan.From(RunArgumentParser.Parse(["--task", "idx", "--data", _folder, "--out", Path.Combine(_folder, "fresh")])).Force);
    }

    [Fact]
    public void From_TensorBoardIsAFile_IsAUsageError()
    {
        WriteIdxFiles(gzip: false, skip: null);
        var file = Path.Combine(_folder, "t10k-images-idx3-ubyte");

        Assert.Equal($"--tensorboard '{file}' is a file, not a folder", Problem("--task", "idx", "--data", _folder, "--tensorboard", file));
    }

    [Fact]
    public void From_TensorBoardAndProgress_ArePlannedAndNothingIsCreated()
    {
        WriteIdxFiles(gzip: false, skip: null);
        var tensorBoard = Path.Combine(_folder, "tb");

        var plan = RunPlan.From(RunArgumentParser.Parse(["--task", "idx", "--data", _folder, "--tensorboard", tensorBoard, "--progress", "lines"]));
        var defaults = RunPlan.From(RunArgumentParser.Parse(["--task", "idx", "--data", _folder]));

        Assert.Equal((tensorBoard, ProgressMode.Lines), (plan.TensorBoardDirectory, plan.Progress));
        Assert.Equal((null, ProgressMode.Auto), (defaults.TensorBoardDirectory, defaults.Progress));
        // The silo writes the events: the folder travels to it in the options.
        Assert.Equal((tensorBoard, null), (plan.Options.TensorBoardDirectory, defaults.Options.TensorBoardDirectory));
        Assert.False(Directory.Exists(tensorBoard));
    }

    [Fact]
    public void From_PolicyFromStoreOrFile_LoadsItsWeightsAndWidth()
    {
        WriteIdxFiles(gzip: false, skip: null);
        var state = Path.Combine(_folder, "state");
        var snapshot = AdaptiveLoss.Core.Policy.Snapshots.PolicySnapshot.Of("p", 6, new AdaptiveLoss.Core.Policy.PolicyNetwork(24, 8, 5),
            DateTimeOffset.UnixEpoch, new("fashion-mnist", "cnn", 10, 6, 24));
        var stored = new AdaptiveLoss.Core.Policy.Snapshots.PolicyStore(state).Write(snapshot);

        var fromStore = RunPlan.From(RunArgumentParser.Parse(["--task", "idx", "--data", _folder, "--state", state, "--policy", "p"]));
        var fromFile = RunPlan.From(RunArgumentParser.Parse(["--task", "idx", "--data", _folder, "--policy", stored]));

        Assert.All(new[] { fromStore, fromFile }, plan =>
        {
            Assert.Equal(snapshot.Parameters, plan.Options.InitialPolicy!.Parameters);
            Assert.Equal(8, plan.Options.PolicyHidden);
        });
        Assert.Equal(state, fromStore.StateDirectory);
        Assert.Equal(Path.GetFullPath("state"), fromFile.StateDirectory);
    }

    [Fact]
    public void From_UnknownClustering_IsAUsageError()
    {
        WriteIdxFiles(gzip: false, skip: null);

        Assert.Equal("--cluster: clustering 'etcd' is not available (use localhost, localhost:GATEWAYPORT, redis://HOST:PORT or rediss://HOST:PORT)",
            Problem("--task", "idx", "--data", _folder, "--cluster", "etcd://localhost:2379"));
    }

    [Theory]
    [InlineData("redis://127.0.0.1:6380", "127.0.0.1:6380")]
    [InlineData("redis://localhost", "localhost:6379")]
    [InlineData("redis://redis.lan:7000/", "redis.lan:7000")]
    public void ClusterTarget_Redis_IsAClientOfTheClusterListedThere(string connection, string redis)
    {
        var target = ClusterTarget.Parse(connection);

        Assert.Equal(new ClusterTarget(false, 0, new AdaptiveLoss.Grains.Clustering.RedisTarget(redis)), target);
        Assert.Equal($"redis://{redis}", target.Name);
    }

    /// <summary>
    /// A refused Redis value is never echoed: it may hold a password (docs/cluster.md, "Settings files, secrets and the
    /// state folder").
    /// </summary>
    [Theory]
    [InlineData("redis://")]
    [InlineData("redis://:6379")]
    [InlineData("redis://h:70000")]
    [InlineData("redis://h:x")]
    [InlineData("redis://user:s3cret@h")]
    [InlineData("redis://user:s3cret@h:6379")]
    [InlineData("redis://h:6379,password=s3cret")]
    [InlineData("redis://password=s3cret")]
    [InlineData("redis://[::1]s3cret")]
    public void ClusterTarget_BadRedis_IsAUsageErrorThatEchoesNothing(string connection)
    {
        var message = Assert.Throws<UsageException>(() => ClusterTarget.Parse(connection)).Message;

        Assert.Equal($"--cluster: expected {AdaptiveLoss.Grains.Clustering.RedisTarget.Forms}", message);
        Assert.DoesNotContain("s3cret", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mysql://h", "--cluster: clustering 'mysql' is not available (use localhost, localhost:GATEWAYPORT, redis://HOST:PORT or rediss://HOST:PORT)")]
    [InlineData("s3cret://h", "--cluster: not a cluster (use localhost, localhost:GATEWAYPORT, redis://HOST:PORT or rediss://HOST:PORT)")]
    [InlineData("user:s3cret@h", "--cluster: not a cluster (use localhost, localhost:GATEWAYPORT, redis://HOST:PORT or rediss://HOST:PORT)")]
    [InlineData("pass=s3cret;x://h", "--cluster: not a cluster (use localhost, localhost:GATEWAYPORT, redis://HOST:PORT or rediss://HOST:PORT)")]
    public void ClusterTarget_OtherValue_NamesOnlyAPlainScheme(string connection, string expected) =>
        Assert.Equal(expected, Assert.Throws<UsageException>(() => ClusterTarget.Parse(connection)).Message);

    [Fact]
    public void ClusterTarget_RedisIpv6_KeepsTheBrackets()
    {
        Assert.Equal("[::1]:6380", ClusterTarget.Parse("redis://[::1]:6380").Redis!.Endpoint);
        Assert.Equal("[::1]:6379", ClusterTarget.Parse("redis://[::1]").Redis!.Endpoint);
    }

    [Theory]
    [InlineData("localhost", 30000)]
    [InlineData("localhost:30001", 30001)]
    public void ClusterTarget_Localhost_IsAClientOfThatGateway(string connection, int port) =>
        Assert.Equal(new ClusterTarget(false, port), ClusterTarget.Parse(connection));

    [Fact]
    public void ClusterTarget_BadPort_IsAUsageError() =>
        Assert.Equal("--cluster port must be 1-65535 (got 'abc')", Assert.Throws<UsageException>(() => ClusterTarget.Parse("localhost:abc")).Message);

    [Fact]
    public void NewExperimentId_IsTimeStampedAndUnique()
    {
        var ids = Enumerable.Range(0, 20).Select(_ => RunPlan.NewExperimentId()).ToList();

        Assert.All(ids, id => Assert.Matches(@"^\d{8}-\d{6}-[0-9a-f]{4}$", id));
        Assert.True(ids.Distinct().Count() > 15);
    }

    // Valid files: the plan's preflight reads their headers and labels (the default --validation-size is 5,000).
    private void WriteIdxFiles(bool gzip, string? skip)
    {
        foreach (var file in DataFolderCheck.IdxFiles.Where(f => f != skip))
        {
            var path = Path.Combine(_folder, gzip ? file + ".gz" : file);
            var count = file.StartsWith("train", StringComparison.Ordinal) ? 5010 : 10;
            if (file.Contains("images", StringComparison.Ordinal))
            {
                HostileData.WriteImages(path, count, 2, 2, gzip);
            }
            else
            {
                HostileData.WriteLabels(path, HostileData.Labels(count), gzip);
            }
        }
    }
}
