namespace ClaimTrace;

/// <summary>Analyses a segmented page. Implementations never throw for odd text; offsets always stay in bounds.</summary>
public interface IPageAnalyser
{
    PageAnalysis Analyse(Page page);
}
