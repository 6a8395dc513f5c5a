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
    /// (schema in Database/Migrations), grain state as System.Text.Json, ports from the "Orleans" section.
    /// </summary>
    public static IHostApplicationBuilder AddEnrolmentSilo(this IHostApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(OrleansSettings.Section).Get<OrleansSettings>() ?? new OrleansSettings();
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
            silo.ConfigureEndpoints(IPAddress.Loopback, settings.SiloPort, settings.GatewayPort);
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
            silo.Services.ReportDatabaseFailuresOf(StorageNames.Store);
            silo.UseAdoNetReminderService(reminders =>
            {
                reminders.Invariant = Invariant;
                reminders.ConnectionString = connectionString;
            });
            silo.UseSystemTextJsonGrainStorageSerializer();
            silo.AddIncomingGrainCallFilter<StorageFailureFilter>();
        });
        return builder;
    }
}
