using ClaimTrace.Bench;

if (args is ["reading", .. var rest])
    return ReadingThroughput.Run(rest);
return 0;
