using System.Collections.Frozen;

namespace ArxivDigest.Ingest.Arxiv;

/// <summary>
/// arXiv's category taxonomy (arxiv.org/category_taxonomy), so that a mistyped category is
/// rejected up front instead of silently producing an empty day.
/// </summary>
public static class ArxivCategories
{
    private static readonly FrozenSet<string> Known = new[]
    {
        // Computer science
        "cs.AI", "cs.AR", "cs.CC", "cs.CE", "cs.CG", "cs.CL", "cs.CR", "cs.CV", "cs.CY", "cs.DB",
        "cs.DC", "cs.DL", "cs.DM", "cs.DS", "cs.ET", "cs.FL", "cs.GL", "cs.GR", "cs.GT", "cs.HC",
        "cs.IR", "cs.IT", "cs.LG", "cs.LO", "cs.MA", "cs.MM", "cs.MS", "cs.NA", "cs.NE", "cs.NI",
        "cs.OH", "cs.OS", "cs.PF", "cs.PL", "cs.RO", "cs.SC", "cs.SD", "cs.SE", "cs.SI", "cs.SY",
        // Statistics
        "stat.AP", "stat.CO", "stat.ME", "stat.ML", "stat.OT", "stat.TH",
        // Electrical engineering and systems science
        "eess.AS", "eess.IV", "eess.SP", "eess.SY",
        // Economics
        "econ.EM", "econ.GN", "econ.TH",
        // Quantitative biology
        "q-bio.BM", "q-bio.CB", "q-bio.GN", "q-bio.MN", "q-bio.NC", "q-bio.OT", "q-bio.PE",
        "q-bio.QM", "q-bio.SC", "q-bio.TO",
        // Quantitative finance
        "q-fin.CP", "q-fin.EC", "q-fin.GN", "q-fin.MF", "q-fin.PM", "q-fin.PR", "q-fin.RM",
        "q-fin.ST", "q-fin.TR",
        // Mathematics
        "math.AC", "math.AG", "math.AP", "math.AT", "math.CA", "math.CO", "math.CT", "math.CV",
        "math.DG", "math.DS", "math.FA", "math.GM", "math.GN", "math.GR", "math.GT", "math.HO",
        "math.IT", "math.KT", "math.LO", "math.MG", "math.MP", "math.NA", "math.NT", "math.OA",
        "math.OC", "math.PR", "math.QA", "math.RA", "math.RT", "math.SG", "math.SP", "math.ST",
        // Physics
        "astro-ph", "astro-ph.CO", "astro-ph.EP", "astro-ph.GA", "astro-ph.HE", "astro-ph.IM", "astro-ph.SR",
        "cond-mat", "cond-mat.dis-nn", "cond-mat.mes-hall", "cond-mat.mtrl-sci", "cond-mat.other",
        "cond-mat.quant-gas", "cond-mat.soft", "cond-mat.stat-mech", "cond-mat.str-el", "cond-mat.supr-con",
        "gr-qc", "hep-ex", "hep-lat", "hep-ph", "hep-th", "math-ph", "nucl-ex", "nucl-th", "quant-ph",
        "nlin", "nlin.AO", "nlin.CD", "nlin.CG", "nlin.PS", "nlin.SI",
        "physics", "physics.acc-ph", "physics.ao-ph", "physics.app-ph", "physics.atm-clus", "physics.atom-ph",
        "physics.bio-ph", "physics.chem-ph", "physics.class-ph", "physics.comp-ph", "physics.data-an",
        "physics.ed-ph", "physics.flu-dyn", "physics.gen-ph", "physics.geo-ph", "physics.hist-ph",
        "physics.ins-det", "physics.med-ph", "physics.optics", "physics.plasm-ph", "physics.pop-ph",
        "physics.soc-ph", "physics.space-ph",
        // Whole archives, which the RSS service also serves
        "cs", "math", "stat", "eess", "econ", "q-bio", "q-fin",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static bool IsKnown(string category) => Known.Contains(category);
}
