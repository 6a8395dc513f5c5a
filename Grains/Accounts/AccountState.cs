using Enrolment.Grains.Interfaces.Accounts;

namespace Enrolment.Grains.Accounts;

/// <summary>A member's account as created by their enrolment.</summary>
[GenerateSerializer]
public sealed class AccountState
{
    [Id(0)] public NewAccount? Account { get; set; }
}
