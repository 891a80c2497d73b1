using MicroLearnBot.Learning.Courses;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MicroLearnBot.Content;

public static class TemporaryCourseContentExtensions
{
    public static IServiceCollection AddCourseContent(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ICourseCatalog>(new EmptyCatalog());
        return services;
    }

    private sealed class EmptyCatalog : ICourseCatalog
    {
        public IReadOnlyList<Course> Courses => [];

        public Course? Find(string courseId) => null;
    }
}
