using MicroLearnBot.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MicroLearnBot.Storage;

/// <summary>
/// The bot's database: learners, enrollments, deliveries, answers, memory states and the outbox. Each provider has
/// a subclass that owns its migrations, because SQLite and PostgreSQL need different column types.
/// </summary>
public abstract class MicroLearnDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<LearnerEntity> Learners => Set<LearnerEntity>();

    public DbSet<EnrollmentEntity> Enrollments => Set<EnrollmentEntity>();

    public DbSet<LessonDeliveryEntity> LessonDeliveries => Set<LessonDeliveryEntity>();

    public DbSet<AnswerEntity> Answers => Set<AnswerEntity>();

    public DbSet<OutboxMessageEntity> OutboxMessages => Set<OutboxMessageEntity>();

    public DbSet<QuestionCardEntity> QuestionCards => Set<QuestionCardEntity>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every instant is UTC. SQLite keeps no kind, so reads are marked UTC again; PostgreSQL requires it.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<LearnerEntity>(learner =>
        {
            learner.ToTable("learners");
            learner.HasIndex(l => new { l.Channel, l.TenantId, l.UserId }).IsUnique();
            learner.HasIndex(l => new { l.Status, l.NextDeliveryUtc });
            learner.Property(l => l.Channel).HasMaxLength(32);
            learner.Property(l => l.TenantId).HasMaxLength(128);
            learner.Property(l => l.UserId).HasMaxLength(256);
            learner.Property(l => l.TimeZone).HasMaxLength(64);
            learner.Property(l => l.LanguageChoice).HasMaxLength(8);
            learner.HasMany(l => l.Enrollments).WithOne().HasForeignKey(e => e.LearnerId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<EnrollmentEntity>(enrollment =>
        {
            enrollment.ToTable("enrollments");
            enrollment.HasIndex(e => new { e.LearnerId, e.CourseId }).IsUnique();
            enrollment.Property(e => e.CourseId).HasMaxLength(64);
        });

        modelBuilder.Entity<LessonDeliveryEntity>(delivery =>
        {
            delivery.ToTable("lesson_deliveries");
            delivery.HasIndex(d => new { d.LearnerId, d.CourseId, d.NuggetId });

            // A nugget is handed out for the first time once: a "mer" racing the daily sweep on another node loses
            // on this index and its turn is retried with the next nugget.
            delivery.HasIndex(d => new { d.LearnerId, d.CourseId, d.NuggetId, d.IsReview })
                .IsUnique()
                .HasDatabaseName("IX_lesson_deliveries_first_delivery")
                .HasFilter(Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true ? "\"IsReview\" = false" : "\"IsReview\" = 0");
            delivery.HasOne<LearnerEntity>().WithMany().HasForeignKey(d => d.LearnerId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<AnswerEntity>(answer =>
        {
            answer.ToTable("answers");
            answer.HasIndex(a => new { a.LearnerId, a.DeliveryId, a.QuestionId }).IsUnique();
            answer.HasIndex(a => new { a.LearnerId, a.QuestionId, a.AnsweredUtc });
            answer.Property(a => a.Text).HasMaxLength(AnswerLimits.MaxReflectionLength);
            answer.HasOne<LearnerEntity>().WithMany().HasForeignKey(a => a.LearnerId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<QuestionCardEntity>(card =>
        {
            card.ToTable("question_cards");
            card.HasIndex(c => new { c.LearnerId, c.CourseId, c.QuestionId }).IsUnique();
            card.HasIndex(c => new { c.LearnerId, c.DueUtc });
            card.Property(c => c.QuestionId).HasMaxLength(200);
            card.HasOne<LearnerEntity>().WithMany().HasForeignKey(c => c.LearnerId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<OutboxMessageEntity>(message =>
        {
            message.ToTable("outbox_messages");
            message.HasIndex(m => m.IdempotencyKey).IsUnique();
            message.HasIndex(m => new { m.Status, m.NextAttemptUtc });
            message.Property(m => m.IdempotencyKey).HasMaxLength(200);
            message.HasOne<LearnerEntity>().WithMany().HasForeignKey(m => m.LearnerId).OnDelete(DeleteBehavior.Cascade);
        });

        // Ids are Guids the application assigns, so an entity added through a navigation is inserted, not updated.
        foreach (var entityType in modelBuilder.Model.GetEntityTypes())
        {
            entityType.FindPrimaryKey()?.Properties.Single().ValueGenerated = Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never;
        }
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        value => value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime(),
        value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
