namespace MicroLearnBot.Learning.Courses;

/// <summary>Which days a course delivers on by default.</summary>
public enum DeliveryCadence
{
    /// <summary>Monday to Friday, except Swedish public holidays.</summary>
    Weekdays,

    /// <summary>Every day of the week.</summary>
    Daily,
}
