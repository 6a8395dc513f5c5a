using System.Net.Http.Json;
using System.Text.Json;

namespace Enrolment.Browser.Tests.Infrastructure;

/// <summary>
/// Enrols a member through the HTTP API, as the wizard would, for tests whose subject starts after enrolment
/// (sign-in lockout, lost password).
/// </summary>
public static class JourneyApi
{
    public static async Task EnrolWithSmsAsync(this ProductStack stack, TestMember member, string password)
    {
        var phone = member.MobilePhone ?? throw new ArgumentException("This member has no phone on file.", nameof(member));
        var id = await StartAsync(stack, member);
        await SendAsync(stack, $"api/enrolments/{id}/phone-confirmation", new { isMine = true });
        var sent = await stack.CountSmsAsync(phone);
        await SendAsync(stack, $"api/enrolments/{id}/member-number", new { memberNumber = member.MemberNumber });
        var code = await stack.WaitForSmsCodeAsync(phone, sent);
        await SendAsync(stack, $"api/enrolments/{id}/code", new { code });
        var done = await SendAsync(stack, $"api/enrolments/{id}/password", new { password, passwordConfirmation = password });
        Assert.Equal("completed", done.GetProperty("step").GetString());
    }

    /// <summary>A member without a phone on file: the letter, then the first login with its provisional code.</summary>
    public static async Task EnrolWithLetterAsync(this ProductStack stack, TestMember member, string password)
    {
        var id = await StartAsync(stack, member);
        await SendAsync(stack, $"api/enrolments/{id}/channel", new { channel = "letter" });
        var sent = await stack.CountLettersAsync(member.MemberNumber);
        await SendAsync(stack, $"api/enrolments/{id}/member-number", new { memberNumber = member.MemberNumber });
        var provisionalCode = await stack.WaitForProvisionalCodeAsync(member.MemberNumber, sent);
        var signIn = await SendAsync(stack, "api/sessions", new { memberNumber = member.MemberNumber, secret = provisionalCode });
        var firstLoginId = signIn.GetProperty("firstLoginId").GetString();
        await SendAsync(stack, $"api/first-login/{firstLoginId}", new
        {
            email = "membre@exemple.fr",
            emailConfirmation = "membre@exemple.fr",
            password,
            passwordConfirmation = password,
        });
    }

    private static async Task<string?> StartAsync(ProductStack stack, TestMember member)
    {
        var start = await SendAsync(stack, "api/enrolments", new
        {
            lastName = member.LastName,
            firstName = member.FirstName,
            birthDate = member.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            email = "membre@exemple.fr",
            emailConfirmation = "membre@exemple.fr",
            newsletter = false,
        });
        var id = start.GetProperty("enrolmentId").GetString();
        await SendAsync(stack, $"api/enrolments/{id}/identity-confirmation", new { });
        return id;
    }

    private static async Task<JsonElement> SendAsync(ProductStack stack, string path, object body)
    {
        using var response = await stack.Http.PostAsJsonAsync(new Uri(path, UriKind.Relative), body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
