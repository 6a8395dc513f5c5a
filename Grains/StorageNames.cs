namespace Enrolment.Grains;

/// <summary>The one grain storage provider; each grain type keeps its own state name inside it.</summary>
public static class StorageNames
{
    public const string Store = "enrolment-store";
}
