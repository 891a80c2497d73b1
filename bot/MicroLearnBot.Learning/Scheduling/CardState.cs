namespace MicroLearnBot.Learning.Scheduling;

/// <summary>Where a card is in the FSRS life cycle.</summary>
public enum CardState
{
    /// <summary>Never answered; has no stability or difficulty yet.</summary>
    New = 0,

    /// <summary>Answered at least once and still on a learning step.</summary>
    Learning = 1,

    /// <summary>Graduated; the next review is whole days away.</summary>
    Review = 2,

    /// <summary>Forgotten after graduating and now on a relearning step.</summary>
    Relearning = 3,
}
