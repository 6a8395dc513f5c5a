using System.Net;
using System.Text.Json;
using Enrolment.Grains.Interfaces.Members;

namespace Enrolment.Gateway.Tests.Infrastructure;

/// <summary>Takes a member's journey to a given step through the HTTP API, as the wizard would.</summary>
public sealed class JourneyDriver(HttpClient client)
{
    public static object IdentityOf(MemberRecord member, string email = "membre@example.fr") => new
    {
        lastName = member.LastName,
        firstName = member.FirstName,
        birthDate = member.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        email,
        emailConfirmation = email,
        newsletter = false,
    };

    public async Task<string> Start(MemberRecord member)
    {
        var created = await (await client.PostJson("/api/enrolments", IdentityOf(member))).AssertSuccess(HttpStatusCode.Created);
        return created.Text("enrolmentId");
    }

    /// <summary>A member with a mobile on file, shown it masked.</summary>
    public async Task<string> AtConfirmPhone(MemberRecord member)
    {
        var id = await Start(member);
        await Step(id, "identity-confirmation", new { });
        return id;
    }

    public async Task<string> AtMemberNumber(MemberRecord member)
    {
        var id = await AtConfirmPhone(member);
        await Step(id, "phone-confirmation", new { isMine = true });
        return id;
    }

    public async Task<string> AtEnterCode(MemberRecord member)
    {
        var id = await AtMemberNumber(member);
        await Step(id, "member-number", new { memberNumber = member.MemberNumber });
        return id;
    }

    public async Task<JsonElement> Step(string id, string step, object body) =>
        await (await client.PostJson($"/api/enrolments/{id}/{step}", body)).AssertSuccess();

    /// <summary>The journey as GET shows it, as raw text, to compare before and after a refused call.</summary>
    public async Task<string> Snapshot(string id)
    {
        var response = await client.GetAsync($"/api/enrolments/{id}");
        return $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
    }
}
