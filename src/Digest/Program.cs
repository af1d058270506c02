// The digest runner (issue #5) drives Ingest -> Scoring -> Render. Until it lands this entry
// point says so plainly rather than pretending to run.
Console.Error.WriteLine("The digest runner is not built yet; start the Ingest service and call ListAnnouncements (see README.md).");
return 2;
