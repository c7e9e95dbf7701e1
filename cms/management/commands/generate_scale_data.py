import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test.utils import override_settings

from cms import scale


class Command(BaseCommand):
    help = (
        "Generate synthetic data at scale: at --scale 1 about 20,000 users, 200 courses, "
        "200,000 enrolments, a million lesson-progress rows and as many xAPI statements, "
        "200,000 forum posts and 2,000 news pages. For load tests on a throw-away database: "
        "every generated user signs in with the same password."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=0.1, help="1 is the full size")
        parser.add_argument(
            "--reset", action="store_true", help="delete the previous scale data first"
        )
        parser.add_argument(
            "--password",
            default="markaz-scale",
            help="password of every generated user (default: markaz-scale)",
        )
        parser.add_argument(
            "--no-index",
            action="store_true",
            help="leave the generated pages out of the site search index",
        )

    def handle(self, *args, **options):
        if options["scale"] <= 0:
            raise CommandError("--scale must be more than 0.")
        if scale.exists() and not options["reset"]:
            raise CommandError(
                f"Scale data is already here (users @{scale.DOMAIN}, pages '{scale.PREFIX}…'). "
                "Run again with --reset to replace it."
            )
        started = time.perf_counter()
        # Nothing generated sends mail. DEBUG off: a bulk insert's SQL is megabytes, and
        # with DEBUG Django would keep the last 9,000 statements in memory.
        with override_settings(
            DEBUG=False, EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"
        ):
            if options["reset"]:
                scale.reset(self.report)
            plan = scale.generate(
                scale=options["scale"],
                password=options["password"],
                report=self.report,
                index=not options["no_index"],
            )
        if connection.vendor == "postgresql":
            # Fresh planner statistics: bulk inserts leave the old ones (an empty table's),
            # and with them PostgreSQL picks nested loops over thousands of rows. VACUUM
            # too, as after any bulk load: the search index's upserts leave a dead row
            # behind each entry, and on a server with autovacuum off (the benchmark
            # machine's) a search at scale 1 read 15,000 buffers instead of 900, in twice
            # the time. VACUUM cannot run inside a transaction (tests).
            analysed = time.perf_counter()
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
            self.report("statistics", {}, time.perf_counter() - analysed)
        self.stdout.write(
            self.style.SUCCESS(
                f"Scale {plan.scale:g} generated in {time.perf_counter() - started:.1f} s. "
                f"Users sign in as user000000@{scale.DOMAIN} … with the password given."
            )
        )

    def report(self, phase: str, counts: dict[str, int], seconds: float) -> None:
        rows = ", ".join(f"{count:,} {name}" for name, count in counts.items())
        self.stdout.write(f"{phase:<22} {seconds:8.1f} s  {rows}")
