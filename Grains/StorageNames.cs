namespace Enrolment.Grains;

public static class StorageNames
{
    public const string Store = "enrolment-store";
}
