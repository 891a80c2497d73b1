using MicroLearnBot.Storage;
using MicroLearnBot.Storage.Entities;
using Microsoft.Extensions.DependencyInjection;

namespace MicroLearnBot.WaveBenchmark;

/// <summary>
/// Writes learners straight into the bot's database, each as if they had installed the bot in one Teams tenant and
/// started one course, with today's session due. Direct writes take seconds for 10,000 learners, where install
/// and start activities over HTTP would take minutes and measure the message endpoint instead of the wave.
/// </summary>
public static class LearnerSeeder
{
    private const int BatchSize = 1_000;

    /// <summary>The tenant every learner belongs to, so the whole wave counts against one tenant's rate limit.</summary>
    public const string TenantId = "wave-tenant";

    /// <summary>
    /// Inserts <paramref name="count"/> active learners enrolled in <paramref name="courseId"/>, due at
    /// <paramref name="dueUtc"/>. Their user ids start with <paramref name="idPrefix"/>, which must differ per call.
    /// </summary>
    public static async Task SeedAsync(IServiceProvider services, string idPrefix, int count, string courseId, string serviceUrl, DateTime dueUtc, DateTime nowUtc)
    {
        for (var first = 0; first < count; first += BatchSize)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MicroLearnDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;

            for (var number = first; number < Math.Min(count, first + BatchSize); number++)
            {
                db.Learners.Add(CreateLearner($"{idPrefix}-{number:D6}", courseId, serviceUrl, dueUtc, nowUtc));
            }

            await db.SaveChangesAsync();
        }
    }

    private static LearnerEntity CreateLearner(string name, string courseId, string serviceUrl, DateTime dueUtc, DateTime nowUtc)
    {
        var id = Guid.NewGuid();
        var learner = new LearnerEntity
        {
            Id = id,
            Channel = "msteams",
            TenantId = TenantId,
            UserId = $"aad-object-{name}",
            DisplayName = name,
            ConversationId = $"a:conversation-{name}",
            ServiceUrl = serviceUrl,
            BotId = "28:wave-bot",
            BotName = "MicroLearnBot",
            ChannelUserId = $"29:{name}",
            Locale = "sv-SE",
            Status = LearnerStatus.Active,
            NextDeliveryUtc = dueUtc,
            CreatedUtc = nowUtc,
            UpdatedUtc = nowUtc,
        };
        learner.Enrollments.Add(new EnrollmentEntity
        {
            Id = Guid.NewGuid(),
            LearnerId = id,
            CourseId = courseId,
            StartedUtc = nowUtc,
        });
        return learner;
    }
}
