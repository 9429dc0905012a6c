namespace AdaptiveLoss.Cli.Tests.Deploy;

/// <summary>
/// deploy/validate.sh (docs/deploy.md, "Validation") lints and renders every manifest, compose file and script of
/// deploy/ and fails on any error; it runs here so that a broken manifest fails the test command.
/// </summary>
public sealed class DeployValidateTests
{
    [Fact]
    public async Task Validate_EveryDeployFile_PassesLintRenderAndSchemaChecks()
    {
        var script = Path.Combine(RepositoryPaths.Root, "deploy", "validate.sh");

        // The first run may install yamllint, shellcheck, docker-compose and the npm packages.
        var result = await CliProcess.RunProgramAsync("bash", [script], RepositoryPaths.Root, TimeSpan.FromMinutes(8), new Dictionary<string, string?>());

        Assert.True(result.ExitCode == 0, $"deploy/validate.sh exited {result.ExitCode}\n{result.StandardOutput}\n{result.StandardError}");
        Assert.Contains("validate: all checks passed", result.StandardOutput);
        Assert.Contains("schema-check: 2 compose file(s) valid", result.StandardOutput);
        if ((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => File.Exists(Path.Combine(d, "kubectl"))))
        {
            Assert.Contains("schema-check: 5 k8s file(s) valid", result.StandardOutput); // base, 3 overlays, the job
        }
    }
}
