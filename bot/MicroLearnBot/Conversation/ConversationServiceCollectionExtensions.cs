using MicroLearnBot.Conversation.Handlers;
using MicroLearnBot.Conversation.Texts;
using Microsoft.Extensions.DependencyInjection;

namespace MicroLearnBot.Conversation;

/// <summary>Registers the channel-neutral conversation layer: the router and one handler per intent.</summary>
public static class ConversationServiceCollectionExtensions
{
    public static IServiceCollection AddConversation(this IServiceCollection services)
    {
        services.AddSingleton(TextCatalog.Default);
        services.AddScoped<LearnerDirectory>();
        services.AddSingleton<LearnerTurnLock>();
        services.AddScoped<TurnRouter>();
        services.AddScoped<WelcomeHandler>();
        services.AddScoped<CatalogHandler>();
        services.AddScoped<EnrollHandler>();
        services.AddScoped<PreferencesHandler>();
        services.AddScoped<MoreHandler>();
        services.AddScoped<AnswerHandler>();
        services.AddScoped<MyDataHandler>();
        services.AddScoped<ProgressHandler>();
        services.AddScoped<RateHandler>();
        services.AddScoped<EraseHandler>();
        return services;
    }
}
