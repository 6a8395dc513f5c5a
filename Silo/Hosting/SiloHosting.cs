using System.Net;
using Enrolment.Grains;
using Enrolment.Silo.Database;
using Enrolment.Silo.Delivery;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;

namespace Enrolment.Silo.Hosting;

public static class SiloHosting
{
    /// <summary>PostgreSQL's ADO.NET invariant name, as Orleans knows it.</summary>
    public const string Invariant = "Npgsql";

    /// <summary>
    /// An Orleans silo on PostgreSQL: cluster membership, grain state and reminders through the ADO.NET providers
    /// (schema in Database/Migrations), grain state as System.Text.Json, addresses and ports from the "Orleans"
    /// section. Throws <see cref="SettingRefusedException"/> for addresses it cannot work with.
    /// </summary>
    public static IHostApplicationBuilder AddEnrolmentSilo(this IHostApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(OrleansSettings.Section).Get<OrleansSettings>() ?? new OrleansSettings();
        var addresses = SiloAddresses.Choose(settings, SiloAddresses.OfThisMachine());
        var connectionString = DatabaseSetup.ConnectionString(builder.Configuration);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddEnrolmentDomain(builder.Configuration);
        builder.Services.AddDelivery(builder.Configuration, builder.Environment);
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(cluster =>
            {
                cluster.ClusterId = settings.ClusterId;
                cluster.ServiceId = settings.ServiceId;
            });
            silo.Configure<EndpointOptions>(endpoints =>
            {
                endpoints.AdvertisedIPAddress = addresses.Advertised;
                endpoints.SiloPort = settings.SiloPort;
                endpoints.GatewayPort = settings.GatewayPort;
                endpoints.SiloListeningEndpoint = new IPEndPoint(addresses.Listen, settings.SiloPort);
                endpoints.GatewayListeningEndpoint = new IPEndPoint(addresses.Listen, settings.GatewayPort);
            });
            silo.UseAdoNetClustering(clustering =>
            {
                clustering.Invariant = Invariant;
                clustering.ConnectionString = connectionString;
            });
            silo.AddAdoNetGrainStorage(StorageNames.Store, storage =>
            {
                storage.Invariant = Invariant;
                storage.ConnectionString = connectionString;
            });
            silo.Services.CommitTogether(StorageNames.Store);
            silo.Services.ReportDatabaseFailuresOf(StorageNames.Store);
            silo.UseAdoNetReminderService(reminders =>
            {
                reminders.Invariant = Invariant;
                reminders.ConnectionString = connectionString;
            });
            silo.UseSystemTextJsonGrainStorageSerializer();
            silo.AddIncomingGrainCallFilter<StorageFailureFilter>();
            // Grain calls become spans of the request that made them (SpanScrubber drops their grain ids).
            silo.AddActivityPropagation();
        });
        return builder;
    }
}
