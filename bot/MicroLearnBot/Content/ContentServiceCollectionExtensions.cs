using MicroLearnBot.Channels.BotFramework.Cards;
using MicroLearnBot.Conversation.Texts;
using MicroLearnBot.Learning.Courses;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MicroLearnBot.Content;

public static class ContentServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="FileCourseCatalog"/> as the <see cref="ICourseCatalog"/>, reading the <c>Content</c>
    /// configuration section (<c>Content:Path</c>, default <c>content</c>). The catalog loads when the host starts
    /// and reloads courses as their files change.
    /// </summary>
    public static IServiceCollection AddCourseContent(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<ContentOptions>()
            .Bind(configuration.GetSection(ContentOptions.SectionName))
            .Validate(o => !string.IsNullOrWhiteSpace(o.Path), "Content:Path is empty; set it to the folder that holds courses/ (default: content).")
            .Validate(o => o.ReloadDelay >= TimeSpan.FromMilliseconds(10) && o.ReloadDelay <= TimeSpan.FromMinutes(1),
                "Content:ReloadDelay must be from 00:00:00.010 to 00:01:00.")
            .Validate(o => o.PollInterval >= TimeSpan.FromSeconds(1), "Content:PollInterval must be at least 00:00:01.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider => new FileCourseCatalog(
            provider.GetRequiredService<IOptions<ContentOptions>>(),
            provider.GetRequiredService<ILogger<FileCourseCatalog>>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<IHostEnvironment>(),
            new LessonCardPreviewRenderer(
                provider.GetService<AdaptiveCardRenderer>() ?? new AdaptiveCardRenderer(provider.GetService<TextCatalog>() ?? TextCatalog.Default),
                withLongestPreviousReflection: true)));
        services.AddSingleton<ICourseCatalog>(provider => provider.GetRequiredService<FileCourseCatalog>());
        services.AddHostedService(provider => provider.GetRequiredService<FileCourseCatalog>());
        return services;
    }
}
