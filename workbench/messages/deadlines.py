"""Messages of the stored deadlines (workbench.deadlines) and ``workbench verify``."""

from workbench.messages import Text

TEXTS = {
    "cli.command.verify": Text(
        da="kontrollér de gemte frister mod en ny beregning",
        en="check the stored deadlines against a fresh evaluation",
    ),
    "cli.command.verify.about": Text(
        da="Beregner hver sag forfra med reglerne og sammenligner med de gemte frister, som "
           "listerne, optællingerne og rapporten læser. Hver forskel skrives ud; findes der "
           "nogen, afsluttes med en fejlkode.",
        en="Evaluates every case afresh with the rules and compares the result with the "
           "stored deadlines that the lists, the counts and the report read. Each difference "
           "is printed; if there is any, the exit code says so.",
    ),
    "deadlines.verify.agree": Text(
        da="de gemte frister stemmer med en ny beregning: {cases} åbne sager",
        en="the stored deadlines agree with a fresh evaluation: {cases} open cases",
    ),
    "deadlines.verify.differ": Text(
        da="{count} forskelle mellem de gemte frister og en ny beregning",
        en="{count} differences between the stored deadlines and a fresh evaluation",
    ),
    "deadlines.verify.difference": Text(
        da="sag {case_id}: {what}: gemt {stored}, beregnet {fresh}",
        en="case {case_id}: {what}: stored {stored}, evaluated {fresh}",
    ),
    "deadlines.verify.what.missing": Text(da="ingen gemt række", en="no stored row"),
    "deadlines.verify.what.stale": Text(da="gemt, men ikke åben", en="stored, not open"),
    "deadlines.verify.what.row": Text(da="første frist", en="first deadline"),
    "deadlines.verify.what.milestones": Text(da="åbne milepæle", en="open milestones"),
    "deadlines.verify.what.list": Text(da="listens række", en="the list's row"),
}
