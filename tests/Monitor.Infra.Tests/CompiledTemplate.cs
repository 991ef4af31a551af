namespace NewsMonitor.Tests;

/// <summary>Builds infra/main.bicep once for every test class of the "compiled template" collection.</summary>
public sealed class CompiledTemplate
{
    private readonly ArmTemplate? template;

    public CompiledTemplate()
    {
        Build = BicepCli.Run("build", Repository.MainBicep, "--stdout");
        if (Build.ExitCode == 0)
            template = new ArmTemplate(Build.StandardOutput);
    }

    internal BicepCli.Result Build { get; }

    /// <summary>The compiled template; the build tests report why it is missing when the build failed.</summary>
    internal ArmTemplate Template => template ?? throw new InvalidOperationException($"bicep build failed:\n{Build}");
}

[CollectionDefinition(Name)]
public sealed class CompiledTemplateCollection : ICollectionFixture<CompiledTemplate>
{
    public const string Name = "compiled template";
}
