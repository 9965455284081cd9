namespace Safe6G.Orchestration.Lifecycle;

/// <summary>ServiceComponent lifecycle, aeriOS's ServiceComponentStatus values (aerios.md §3.8).</summary>
public enum ComponentStatus
{
    Starting,
    Running,
    Overload,
    Failed,
    Migrating,
    Removing,
    Finished,
}

/// <summary>Service.actionType values as HLO-FE writes them (aerios.md §3.4).</summary>
public enum ServiceAction
{
    DEPLOYING,
    DEPLOYED,
    DESTROYING,
    FINISHED,
    FAILED,
}
