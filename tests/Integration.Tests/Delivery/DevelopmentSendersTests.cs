using Enrolment.Grains.Delivery;
using Enrolment.Grains.Operations;
using Enrolment.Silo.Delivery;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Time.Testing;

namespace Enrolment.Integration.Tests.Delivery;

/// <summary>The development senders and the dev inbox's reader, wired as a Development silo wires them.</summary>
public sealed class DevelopmentSendersTests(DevOutboxDatabase database) : IClassFixture<DevOutboxDatabase>, IDisposable
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
    private ServiceProvider? services;

    private ServiceProvider Services => services ??= new ServiceCollection()
        .AddLogging()
        .AddSingleton(database.DataSource)
        .AddSingleton<TimeProvider>(clock)
        .AddDelivery(new ConfigurationBuilder().Build(), DevelopmentEnvironment())
        .BuildServiceProvider();

    public void Dispose() => services?.Dispose();

    [Fact]
    public async Task Sms_are_listed_for_their_number_newest_first()
    {
        var phone = UniquePhone();
        var first = new SmsMessage(Guid.NewGuid(), phone, "Votre code de confirmation : 111111. Il est valable 5 minutes.");
        var second = new SmsMessage(Guid.NewGuid(), phone, "Votre code de confirmation : 222222. Il est valable 5 minutes.");
        var someoneElse = new SmsMessage(Guid.NewGuid(), UniquePhone(), "Votre code de confirmation : 333333. Il est valable 5 minutes.");
        var sender = Services.GetRequiredService<ISmsSender>();

        await sender.SendAsync(first, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(30));
        await sender.SendAsync(second, CancellationToken.None);
        await sender.SendAsync(someoneElse, CancellationToken.None);

        var listed = await Services.GetRequiredService<IDeliveredMessages>().ListSmsAsync(phone, 10, CancellationToken.None);
        Assert.Equal([second.Text, first.Text], listed.Select(sms => sms.Text));
        Assert.All(listed, sms => Assert.Equal(phone, sms.To));
        Assert.Equal(clock.GetUtcNow(), listed[0].SentAt);
    }

    [Fact]
    public async Task An_sms_delivered_twice_is_listed_once()
    {
        var sms = new SmsMessage(Guid.NewGuid(), UniquePhone(), "Votre code de confirmation : 444444. Il est valable 5 minutes.");
        var sender = Services.GetRequiredService<ISmsSender>();

        await sender.SendAsync(sms, CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(1));
        await sender.SendAsync(sms, CancellationToken.None);

        var listed = await Services.GetRequiredService<IDeliveredMessages>().ListSmsAsync(sms.To, 10, CancellationToken.None);
        Assert.Single(listed);
    }

    [Fact]
    public async Task A_letter_shows_in_the_dev_inbox_with_the_text_the_print_house_would_print()
    {
        var memberNumber = UniqueMemberNumber();
        var older = Letters.ForMarieHelene(clock.GetUtcNow()) with { MemberNumber = memberNumber };
        var sender = Services.GetRequiredService<ILetterSender>();

        await sender.SendAsync(older, CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(1));
        var newer = Letters.ForMarieHelene(clock.GetUtcNow()) with { MemberNumber = memberNumber, ProvisionalCode = "W3XR7PK2MD" };
        await sender.SendAsync(newer, CancellationToken.None);
        await sender.SendAsync(newer, CancellationToken.None);

        var listed = await Services.GetRequiredService<IDeliveredMessages>().ListLettersAsync(memberNumber, 10, CancellationToken.None);
        Assert.Equal([LetterText.Compose(newer), LetterText.Compose(older)], listed.Select(letter => letter.Text));
        Assert.Equal("MARIE-HÉLÈNE D'ARCY", listed[0].RecipientName);
        Assert.Equal("3 PLACE DU MARCHÉ 69002 LYON", listed[0].Address);
        Assert.Equal(memberNumber, listed[0].MemberNumber);
    }

    [Fact]
    public async Task The_dev_inbox_lists_no_more_than_asked()
    {
        var phone = UniquePhone();
        var sender = Services.GetRequiredService<ISmsSender>();
        for (var i = 0; i < 3; i++)
        {
            await sender.SendAsync(new SmsMessage(Guid.NewGuid(), phone, $"Votre code de confirmation : 55555{i}."), CancellationToken.None);
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        var listed = await Services.GetRequiredService<IDeliveredMessages>().ListSmsAsync(phone, 2, CancellationToken.None);
        Assert.Equal(["Votre code de confirmation : 555552.", "Votre code de confirmation : 555551."], listed.Select(sms => sms.Text));
    }

    private static HostingEnvironment DevelopmentEnvironment() => new() { EnvironmentName = Environments.Development };

    private static string UniquePhone() => "06" + Random.Shared.NextInt64(0, 100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);

    private static string UniqueMemberNumber() => Random.Shared.NextInt64(0, 10_000_000_000).ToString("D10", System.Globalization.CultureInfo.InvariantCulture);
}
