"""argparse's own texts that a user of ``antihjalte`` can meet, marked for the message catalog.

Nothing imports this module: it exists so that ``pybabel extract`` puts these texts into
``resources/antihjalte_sv.po``; ``core.i18n.translate_argparse`` makes argparse look them up
there. The texts are argparse's, word for word (Python 3.11-3.13); a test runs argparse's
errors in Swedish and finds no English left.
"""

from antihjalte_desktop.core.i18n import N_, ngettext

TEXTS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("optional arguments"),
    N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("unrecognized arguments: %s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("unexpected option string: %s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("subcommands"),
)


def _plurals(n: int) -> tuple[str, ...]:
    return (ngettext("expected %s argument", "expected %s arguments", n),)
