using MicroLearnBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace MicroLearnBot.Delivery;

/// <summary>Registers the delivery sweep (a Quartz cron trigger) and the outbox sender.</summary>
public static class DeliveryServiceCollectionExtensions
{
    public static IServiceCollection AddDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DeliveryOptions>().Bind(configuration.GetSection(DeliveryOptions.SectionName)).ValidateOnStart()
            .Validate(o => CronExpression.TryParse(o.SweepCron, out _), "Delivery:SweepCron is not a valid Quartz cron expression; use for example '0 * * * * ?'.")
            .Validate(o => o.MaxAttempts >= 1, "Delivery:MaxAttempts must be at least 1.")
            .Validate(o => o.SendConcurrency is >= 1 and <= 64, "Delivery:SendConcurrency must be from 1 to 64.")
            .Validate(o => o.SendBatchSize >= 1, "Delivery:SendBatchSize must be at least 1.")
            .Validate(o => o.SweepBatchSize >= 1, "Delivery:SweepBatchSize must be at least 1.")
            .Validate(o => o.OutboxPollInterval >= TimeSpan.FromMilliseconds(100), "Delivery:OutboxPollInterval must be at least 00:00:00.1 (100 ms); the default is 00:00:05.")
            .Validate(o => o.RetryBaseDelay > TimeSpan.Zero && o.RetryMaxDelay >= o.RetryBaseDelay,
                "Delivery:RetryBaseDelay must be positive and Delivery:RetryMaxDelay at least as long; the defaults are 00:00:30 and 00:30:00.")
            .Validate(o => o.ClaimDuration >= TimeSpan.FromSeconds(30), "Delivery:ClaimDuration must be at least 00:00:30, longer than one send with its retries; the default is 00:02:00.");

        var sweepCron = configuration[$"{DeliveryOptions.SectionName}:{nameof(DeliveryOptions.SweepCron)}"] ?? new DeliveryOptions().SweepCron;

        services.AddScoped<LessonComposer>();
        services.AddScoped<ReviewTracker>();
        services.AddScoped<SessionComposer>();
        services.AddScoped<DeliverySweep>();
        services.AddSingleton<OutboxSignal>();
        services.AddHostedService<OutboxSender>();

        var storage = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        var connectionString = configuration.GetConnectionString(StorageServiceCollectionExtensions.ConnectionStringName);

        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler => scheduler.InstanceName = "MicroLearnBot");

            // On PostgreSQL several instances share one database, so they share one clustered Quartz store and
            // exactly one node fires each sweep. SQLite serves a single instance, which keeps triggers in memory.
            if (storage.Provider == StorageProvider.Postgres)
            {
                quartz.ConfigureScheduler(scheduler => scheduler.GenerateInstanceId = true);
                quartz.UsePersistentStore(store =>
                {
                    store.UsePostgres(connectionString!);
                    store.UseSystemTextJsonSerializer();
                    store.UseClustering(clustering => clustering.CheckinInterval = TimeSpan.FromSeconds(10));
                    store.ProvisionSchema();
                });
            }

            quartz.AddJob<DeliverySweepJob>(job => job.WithIdentity(DeliverySweepJob.Key));
            quartz.AddTrigger(trigger => trigger
                .ForJob(DeliverySweepJob.Key)
                .WithIdentity("delivery-sweep-every-minute", "delivery")
                .WithCronSchedule(sweepCron, cron => cron.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return services;
    }
}
