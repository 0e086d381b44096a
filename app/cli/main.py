"""The `leadpop` command: the desktop app, `parse`, `drop` and `report`."""

from __future__ import annotations

import argparse
import json
import logging
import random
import sqlite3
import sys
from collections.abc import Sequence
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import app
from app.core.clock import SystemClock
from app.core.hours import HoursError
from app.settings.config import ENV_DATA_DIR, ENV_HOURS, ENV_INBOX, ENV_USER, Config, resolve
from app.system import logs

if TYPE_CHECKING:
    from app.engine import session as session_types

log = logging.getLogger("leadpop")


class CliError(Exception):
    """A one-line error for the person at the keyboard (exit 1)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, no usage dump, exit 2
        self.exit(2, f"error: {message} (see 'leadpop --help')\n")


class _Version(argparse.Action):
    """--version, with the version looked up only when asked (see app.__getattr__)."""

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> NoReturn:
        print(f"leadpop {app.__version__}")  # stdout, as argparse's own version action
        parser.exit(0)


def _common(p: argparse.ArgumentParser, *, top: bool = False) -> None:
    """The options every command takes, before or after the command's name.

    A subcommand's own default would overwrite what was given before its name
    (`leadpop --inbox X drop …`), so only the top level has defaults."""
    g = p.add_argument_group("common options")
    default = None if top else argparse.SUPPRESS
    g.add_argument(
        "--inbox", default=default, help=f"shared lead inbox: a folder or a URL [${ENV_INBOX}]"
    )
    g.add_argument(
        "--data-dir",
        default=default,
        help=f"where this PC keeps its local store [${ENV_DATA_DIR}]",
    )
    g.add_argument("--user", default=default, help=f"the salesperson's name [${ENV_USER}]")
    g.add_argument(
        "--hours",
        default=default,
        help=f"opening hours, e.g. 'mo-fr 09:00-18:00, sa 09:00-17:00', or 'always' [${ENV_HOURS}]",
    )


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="leadpop", description="Speed-to-lead for car dealerships.")
    p.add_argument("--version", action=_Version, nargs=0, help="show the version and exit")
    _common(p, top=True)
    p.add_argument(
        "--demo",
        action="store_true",
        help="drop a realistic demo lead a few seconds after start, then every 2 minutes",
    )
    p.add_argument("--lang", choices=["nl", "en"], help="interface language (default: system)")
    sub = p.add_subparsers(dest="command", parser_class=_Parser)

    sp = sub.add_parser("parse", help="print each lead document as JSON")
    _common(sp)
    sp.add_argument("files", nargs="+", metavar="FILE")

    sd = sub.add_parser("drop", help="put a lead document into the inbox, atomically")
    _common(sd)
    g = sd.add_mutually_exclusive_group(required=True)
    g.add_argument("file", nargs="?", metavar="FILE")
    g.add_argument("--sample", action="store_true", help="a realistic random Dutch lead")

    sr = sub.add_parser("report", help="the team KPIs")
    _common(sr)
    sr.add_argument("--since", help="first day (YYYY-MM-DD, dealership time); default 30 days ago")
    sr.add_argument("--until", help="day after the last (YYYY-MM-DD); default tomorrow")
    sr.add_argument("--format", choices=["table", "json", "csv"], default="table")
    sr.add_argument(
        "--by",
        choices=["salesperson", "routing"],
        default="salesperson",
        help="a row per salesperson (default) or per routing mode (did rollout make the "
        "team faster?), the same KPI columns",
    )
    sr.add_argument(
        "--detail",
        action="store_true",
        help="with --format csv: one row per lead instead of the KPI table "
        "(customer, car, source, owner, attempts, outcome)",
    )
    sr.add_argument(
        "--excel",
        choices=["nl", "en"],
        help="with --format csv: as Excel in that language opens it "
        "(nl: ';' and decimal ','; en: ',' and '.'); default: for machines (',' and '.')",
    )

    si = sub.add_parser(
        "signin", help="sign in to a Microsoft 365, Google or OpenID mailbox inbox (OAuth)"
    )
    _common(si)
    si.add_argument(
        "--device-code",
        action="store_true",
        help="no browser here: show a code to enter on a phone or another PC",
    )
    si.add_argument("--sign-out", action="store_true", help="remove this PC's sign-in")

    sh = sub.add_parser(
        "demo-history", help="fill a fresh folder inbox with weeks of realistic team history"
    )
    _common(sh)
    sh.add_argument("--seed", type=int, default=1, help="same seed and --now, same history")
    sh.add_argument("--weeks", type=int, help="weeks of history (default 6)")
    sh.add_argument("--salespeople", type=int, help="team size, 1–40 (default 6)")
    sh.add_argument("--leads-per-day", type=float, help="average leads a day (default 12)")
    sh.add_argument(
        "--scale",
        action="store_true",
        help="a year of a 40-salesperson group: ~50,000 leads, ~250,000 events (benchmark)",
    )
    sh.add_argument(
        "--now",
        help="when the history ends: YYYY-MM-DD or YYYY-MM-DDTHH:MM, dealership time "
        "(default: now)",
    )

    sb = sub.add_parser(
        "bridge", help="move lead documents from a folder or mailbox into a group database"
    )
    _common(sb)
    sb.add_argument("--from", dest="source", required=True, help="a folder or mailbox URL")
    sb.add_argument("--to", dest="target", required=True, help="a postgresql:// group inbox")
    sb.add_argument("--once", action="store_true", help="one pass, then exit (cron, tests)")

    sm = sub.add_parser(
        "migrate-inbox", help="copy an inbox's documents, claims and events into a group database"
    )
    _common(sm)
    sm.add_argument("--from", dest="source", required=True, help="a folder or mailbox URL")
    sm.add_argument("--to", dest="target", required=True, help="a postgresql:// group inbox")

    # The AVG/GDPR: a customer's right of access and right to be forgotten.
    se = sub.add_parser("export-customer", help="everything Leadpop holds on a customer, as JSON")
    _common(se)
    g = se.add_mutually_exclusive_group(required=True)
    g.add_argument("--email", help="the customer's e-mail address")
    g.add_argument("--phone", help="the customer's phone number, in any notation")
    sf = sub.add_parser("forget", help="erase a customer everywhere, on every PC")
    _common(sf)
    g = sf.add_mutually_exclusive_group(required=True)
    g.add_argument("--email", help="the customer's e-mail address")
    g.add_argument("--phone", help="the customer's phone number, in any notation")
    g.add_argument("--lead", help="one of the customer's leads (its id)")
    sf.add_argument("--yes", action="store_true", help="don't ask for confirmation")
    return p


def _config(args: argparse.Namespace) -> Config:
    if args.inbox and "://" not in args.inbox and Path(args.inbox).expanduser().is_file():
        raise CliError(f"--inbox: {args.inbox} is a file, not a folder")
    try:
        cfg = resolve(inbox=args.inbox, data_dir=args.data_dir, user=args.user, hours=args.hours)
    except HoursError as exc:
        raise CliError(f"--hours: {exc}") from exc
    for problem in cfg.problems:  # a broken leadpop.toml: say so, and go on without it
        log.warning("%s", problem)
    return cfg


def _day(text: str, cfg: Config, flag: str, *, with_time: bool = False) -> datetime:
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError as exc:
        wanted = "YYYY-MM-DD or YYYY-MM-DDTHH:MM" if with_time else "YYYY-MM-DD"
        raise CliError(f"{flag}: not a date: {text!r} (use {wanted})") from exc
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=cfg.hours.tz)
    return parsed


def _not_a_file(path: Path) -> str:
    """Why `path` can't be read as a document, in the words a person would use."""
    return "is a folder, not a file" if path.is_dir() else "no such file"


def cmd_parse(args: argparse.Namespace) -> int:
    from app.intake import Unreadable, parse_file

    cfg = _config(args)
    failed = 0
    for name in args.files:
        path = Path(name)
        try:
            if not path.is_file():
                raise Unreadable(f"{name}: {_not_a_file(path)}")
            lead = parse_file(path, region=cfg.region)
        except Unreadable as exc:
            print(
                f"error: {name}: {exc.reason}"
                if not str(exc).startswith(name)
                else f"error: {exc}",
                file=sys.stderr,
            )
            failed += 1
            continue
        except OSError as exc:
            print(f"error: {name}: {exc.strerror or exc}", file=sys.stderr)
            failed += 1
            continue
        print(json.dumps(lead.to_json(), ensure_ascii=False, indent=2))
    return 1 if failed else 0


def cmd_drop(args: argparse.Namespace) -> int:
    from app.engine.session import drop_document
    from app.intake import Unreadable, make_sample_document, parse_document

    cfg = _config(args)
    now = SystemClock().now()
    if args.sample:
        data, stem, suffix = make_sample_document(random.Random(), now), "sample", ".json"
    else:
        src = Path(args.file)
        if not src.is_file():
            raise CliError(f"{src}: {_not_a_file(src)}")
        data = src.read_bytes()
        stem, suffix = src.stem, (src.suffix or ".json")
        try:
            parse_document(data, received_at=now, name=src.name, region=cfg.region)
        except Unreadable as exc:
            raise CliError(f"{src}: {exc.reason} — not dropped") from exc
    final = drop_document(cfg, data, stem=stem, suffix=suffix, now=now)
    print(final)
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from app.engine import session, team_report
    from app.engine.desk import Desk

    if args.detail and args.format != "csv":
        raise CliError("--detail gives one row per lead as CSV: add --format csv")
    if args.excel and args.format != "csv":
        raise CliError("--excel writes CSV for Excel: add --format csv")
    if args.detail and args.by != "salesperson":
        raise CliError("--detail gives one row per lead: leave out --by")
    cfg = _config(args)
    tz = cfg.hours.tz
    today = datetime.combine(datetime.now(tz).date(), time(0), tz)
    since = _day(args.since, cfg, "--since") if args.since else today - timedelta(days=30)
    until = _day(args.until, cfg, "--until") if args.until else today + timedelta(days=1)
    if until <= since:
        raise CliError("--until must come after --since")
    try:
        inbox = session.open_inbox(cfg, watch=False)
    except session.InboxError as exc:
        raise CliError(str(exc)) from exc
    if (
        not args.detail
        and args.by == "salesperson"
        and isinstance(inbox, team_report.FoldsInDatabase)
    ):
        # A group database folds the leads itself: a new PC reads no year of events. (It
        # doesn't keep the routing mode: --by routing reads the events, as on a folder.)
        try:
            report = team_report.database_report(inbox, cfg.hours, since, until)
        except session.InboxError as exc:
            print(f"warning: group database: {exc}; figures from this PC", file=sys.stderr)
        else:
            inbox.close()
            sys.stdout.write(team_report.render(report, args.format, excel=args.excel))
            return 0
    store = session.open_store(cfg.data_dir)
    try:
        # The same functions as the Team tab's KPIs and export.
        unread = team_report.catch_up(Desk(inbox, store, SystemClock(), cfg))
        if unread:
            print(
                f"warning: inbox unreachable ({unread}); figures are from the events read earlier",
                file=sys.stderr,
            )
        text = team_report.report_text(
            store,
            cfg.hours,
            args.format,
            since,
            until,
            detail=args.detail,
            excel=args.excel,
            by=args.by,
        )
        sys.stdout.write(text)
    finally:
        store.close()
        inbox.close()
    return 0


def _privacy_desk(args: argparse.Namespace) -> tuple[session_types.Store, Any, Any]:
    """(store, inbox, Desk) for a customer's request, the team's events read first."""
    from app.engine import session
    from app.engine.desk import Desk

    cfg = _config(args)
    inbox = session.open_inbox(cfg, watch=False)
    store = session.open_store(cfg.data_dir)
    desk = Desk(inbox, store, SystemClock(), cfg)
    try:
        desk.sync_events()  # a colleague's `forgotten` first; raises InboxError
    except BaseException:
        store.close()
        inbox.close()
        raise
    return store, inbox, desk


def _customer(args: argparse.Namespace) -> Any:
    from app.engine.privacy import Customer

    return Customer(email=args.email, phone=args.phone, lead=getattr(args, "lead", None))


def cmd_export_customer(args: argparse.Namespace) -> int:
    from app.engine.privacy import PrivacyError

    store, inbox, desk = _privacy_desk(args)
    try:
        found = desk.privacy.find(_customer(args))
        data = desk.privacy.export(found)
    except PrivacyError as exc:
        raise CliError(str(exc)) from exc
    finally:
        store.close()
        inbox.close()
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    return 0


def cmd_forget(args: argparse.Namespace) -> int:
    from app.engine.privacy import PrivacyError

    if not args.yes and not sys.stdin.isatty():
        raise CliError("forget erases for good: add --yes (there is no terminal to confirm on)")
    store, inbox, desk = _privacy_desk(args)
    try:
        found = desk.privacy.find(_customer(args))
        if not found:
            print("Leadpop holds nothing on this customer here.")
            return 0
        print(f"found: {found.summary()}")
        if not args.yes:
            answer = input("Erase them for good, here and on every PC? [y/N] ")
            if answer.strip().lower() not in ("y", "yes", "j", "ja"):
                print("nothing erased")
                return 1
        erased = desk.privacy.forget(found)
    except PrivacyError as exc:
        raise CliError(str(exc)) from exc
    finally:
        store.close()
        inbox.close()
    print(erased.summary())
    return 0


def cmd_signin(args: argparse.Namespace) -> int:
    """Sign in once per PC; the refresh token goes to the system keyring, nowhere else."""
    from app.engine import session

    cfg = _config(args)
    if not session.signs_in(cfg):
        raise CliError(
            "the inbox is not a mailbox that signs in with OAuth: give --inbox "
            "imaps://…?auth=microsoft (or auth=google, auth=oauth2&issuer=…)"
        )
    if args.sign_out:
        print("signed out" if session.sign_out(cfg) else "nobody was signed in on this PC")
        return 0
    account = session.sign_in(
        cfg, device=args.device_code, show_code=_show_code, open_url=_open_browser
    )
    print(f"signed in as {account}")
    inbox = session.open_inbox(cfg, watch=False)  # the proof: the mailbox opens with it
    try:
        inbox.check()
    finally:
        inbox.close()
    print(f"mailbox {inbox.location} opens: leads will arrive")
    return 0


def _show_code(code: session_types.SignInCode) -> None:
    """The device code, large enough to read from across the desk."""
    spaced = "  ".join(code.user_code)
    rule = "─" * (len(spaced) + 8)
    print(f"\n  ┌{rule}┐\n  │    {spaced}    │\n  └{rule}┘\n")
    print(f"Open {code.verification_uri} on a phone or another PC and enter this code.")
    print(f"(It works for {int(code.expires_in // 60)} minutes; Ctrl+C cancels.)", flush=True)


def _open_browser(url: str) -> bool:
    import webbrowser

    print(f"Sign in in the browser. If none opens, visit:\n{url}", flush=True)
    return webbrowser.open(url)


def cmd_demo_history(args: argparse.Namespace) -> int:
    from app.demo import history as demo_history

    cfg = _config(args)
    if "://" in cfg.inbox and not cfg.inbox.startswith("file://"):
        raise CliError("demo-history fills a folder inbox")
    root = Path(cfg.inbox.removeprefix("file://")).expanduser()
    now = _day(args.now, cfg, "--now", with_time=True) if args.now else SystemClock().now()
    size = dict(demo_history.SCALE if args.scale else demo_history.DEFAULTS)
    for key in size:
        if getattr(args, key) is not None:
            size[key] = getattr(args, key)
    if size["weeks"] < 1 or size["leads_per_day"] <= 0:
        raise CliError("--weeks and --leads-per-day must be positive")
    try:
        summary = demo_history.fill(root, now=now, hours=cfg.hours, seed=args.seed, **size)
    except (ValueError, FileExistsError) as exc:
        raise CliError(str(exc)) from exc
    except OSError as exc:
        raise CliError(f"{root}: {exc.strerror or exc}") from exc
    print(
        f"{summary.salespeople} salespeople, {size['weeks']} weeks: {summary.leads} leads, "
        f"{summary.events} events, {summary.unclaimed} waiting in new/ — {root}"
    )
    return 0


def cmd_bridge(args: argparse.Namespace) -> int:
    import signal
    import threading

    from app.engine.bridge import open_at, run_bridge

    cfg = _config(args)
    stop = threading.Event()
    for name in ("SIGTERM", "SIGBREAK"):  # systemd's stop, a Windows service's console break
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), lambda *_: stop.set())
    source = open_at(cfg, args.source, watch=not args.once)
    try:
        target = open_at(cfg, args.target)
        try:
            print(f"bridge: {source.location} -> {target.location}", file=sys.stderr)
            done = run_bridge(source, target, stop, once=args.once)
        finally:
            target.close()
    finally:
        source.close()
    print(f"{done.moved} moved, {done.already} already there")
    return 0


def cmd_migrate_inbox(args: argparse.Namespace) -> int:
    from app.engine.bridge import open_at
    from app.engine.migrate import migrate_inbox

    cfg = _config(args)
    source = open_at(cfg, args.source)
    try:
        target = open_at(cfg, args.target)
        try:
            done = migrate_inbox(source, args.source, target)
        finally:
            target.close()
    finally:
        source.close()
    print(
        f"{done.documents} documents ({done.claimed} claimed, {done.set_aside} set aside), "
        f"{done.events} events copied to {target.location}"
    )
    return 0


def cmd_app(args: argparse.Namespace) -> int:
    from app.settings.config import with_demo_hours

    cfg = _config(args)
    if args.demo:  # demo leads (and their round-the-clock hours) only when asked for
        cfg = with_demo_hours(cfg)
        if cfg.demo_hours:
            print(
                "Demo: open around the clock, so every demo lead alerts at once "
                "(--hours sets real opening hours)."
            )
    log.info(
        "Leadpop %s starting: data %s, inbox %s, settings from %s",
        app.__version__,
        cfg.data_dir,
        cfg.inbox,
        ", ".join(str(p) for p in cfg.deployed.sources) or "no leadpop.toml",
    )
    from app.ui.app import run  # Qt is imported only for the desktop app

    return run(cfg, demo=args.demo, lang=args.lang)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logs.setup()  # after parsing: --help and --version leave no trace
    handlers = {
        "parse": cmd_parse,
        "drop": cmd_drop,
        "report": cmd_report,
        "signin": cmd_signin,
        "demo-history": cmd_demo_history,
        "bridge": cmd_bridge,
        "migrate-inbox": cmd_migrate_inbox,
        "export-customer": cmd_export_customer,
        "forget": cmd_forget,
        None: cmd_app,
    }
    from app.inbox.base import InboxError
    from app.store import StoreError

    try:
        return handlers[args.command](args)
    except (CliError, InboxError, StoreError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except sqlite3.DatabaseError as exc:  # the store went bad under us: one line, and what to do
        log.info("local store error", exc_info=True)  # the traceback: log file only
        print(
            f"error: the local store can't be used ({exc}); "
            "start again, or use another --data-dir (the log file has the details)",
            file=sys.stderr,
        )
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `leadpop report | head`
        return 0
