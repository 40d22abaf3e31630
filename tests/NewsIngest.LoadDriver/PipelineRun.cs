namespace NewsIngest.LoadDriver;

/// <summary>One pipeline run of the driver: its store replicas and its phases (the warm burst and the paced phase when they ran).</summary>
internal sealed record PipelineRun(int Stores, PhaseResult Burst, PhaseResult? Warm, PhaseResult? Paced)
{
    /// <summary>The steady state: the warm burst when it ran to the end, else the burst.</summary>
    public PhaseResult Steady => Warm is { Complete: true } ? Warm : Burst;

    public bool Complete => Burst.Complete && (Warm?.Complete ?? true) && (Paced?.Complete ?? true);
}
