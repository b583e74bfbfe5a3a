"""The review as a state machine (Hypothesis): random sequences of every action, by every kind of user, on PostgreSQL.

Actors: the teachers of schools A and B, the first heads of A and B, the regional councils of A's region and of
another, the republican council and a profile association. Rules: save a draft, send, claim, release, decide (each
decision), return, resend after a change, withdraw; each by a random actor on a random submission. A small model
says what must happen (who is in scope, which state follows); after every step:

- at most one open task per submission;
- the stored state agrees with Viewflow's process and task status (workflows/tests/test_state.viewflow_says);
- a refused actor changed nothing (the service said PermissionDenied, or a translated refusal for the right actor
  at the wrong moment), and a permitted one got the model's state;
- the history has every step that happened, by its actor.

Row locks and savepoints behave as in production on PostgreSQL only: skipped on SQLite.
"""

import collections
import datetime
import sys

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from viewflow.workflow.models import Task

from home.factories import make_home
from network.factories import make_school
from workflows import rules, services
from workflows.factories import complete_draft, reviewer, teacher
from workflows.flows import position
from workflows.models import ReviewerRole, Submission, SubmissionEvent
from workflows.tests.test_flow import english, private_root  # noqa: F401 (fixtures)
from workflows.tests.test_state import OPEN, viewflow_says

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the review's row locks need PostgreSQL"),
]

Role = ReviewerRole.Role
Decision = rules.Decision
PROTOCOL = {"protocol_number": "3", "protocol_date": datetime.date(2026, 10, 1)}
CATEGORIES = [rules.Category.TEACHER_RESEARCHER, rules.Category.TEACHER_EXPERT, rules.Category.TEACHER_MASTER]
ACTORS = ["teacher_a", "teacher_b", "head_a", "head_b", "council_a", "council_other", "republican", "association"]
REFUSALS = (PermissionDenied, services.WorkflowError, ValidationError)
# "whose turn": the author for the author's actions, the stage's reviewer in scope for a review action; drawn often,
# so that examples get past the first stage instead of being refused most of the time.
CHOSEN = st.sampled_from(ACTORS + ["whose turn"] * 6)


@pytest.fixture
def cast(db):
    home = make_home()
    school_a = make_school(home, "Almaty region", "Leading School A")
    school_b = make_school(home, "Almaty region", "Leading School B")  # same region as A
    elsewhere = make_school(home, "Karaganda region", "Leading School C")
    users = {
        "teacher_a": teacher("st-teacher-a", school_a),
        "teacher_b": teacher("st-teacher-b", school_b),
        "head_a": reviewer("st-head-a", Role.SCHOOL_HEAD, school=school_a),
        "head_b": reviewer("st-head-b", Role.SCHOOL_HEAD, school=school_b),
        "council_a": reviewer("st-council-a", Role.REGIONAL_COUNCIL, region=school_a.region),
        "council_other": reviewer("st-council-c", Role.REGIONAL_COUNCIL, region=elsewhere.region),
        "republican": reviewer("st-republican", Role.REPUBLICAN_COUNCIL),
        "association": reviewer("st-association", Role.ASSOCIATION),
    }
    return {
        "users": users,
        "school_of": {"teacher_a": school_a.pk, "teacher_b": school_b.pk},
        "region_of": {"teacher_a": school_a.region_id, "teacher_b": school_b.region_id},
    }


class Model:
    """What the review must be, written from the regulation's table, not from the code under test."""

    def __init__(self, author, category):
        self.author, self.category = author, category
        self.state, self.stage, self.owner = "draft", "", None

    def reviewer_in_scope(self, cast):
        return {
            "school": {"teacher_a": "head_a", "teacher_b": "head_b"}[self.author],
            "regional": "council_a",
            "association": "association",
            "republican": "republican",
        }.get(self.stage, "head_a")

    def in_scope(self, actor, cast):
        """May this actor act on the current stage's task?"""
        if actor == self.author or self.state != "in_review":
            return False
        return {
            "school": actor == {"teacher_a": "head_a", "teacher_b": "head_b"}[self.author],
            "regional": actor == "council_a" and cast["region_of"][self.author] == cast["region_of"]["teacher_a"],
            "association": actor == "association",
            "republican": actor == "republican",
        }[self.stage]

    def after(self, decision):
        route = rules.route(self.category)
        if decision == Decision.ENDORSE:
            return "in_review", route[1]
        if decision == Decision.FORWARD:
            return "in_review", rules.Stage.REPUBLICAN
        if decision == Decision.RETURN:
            return "revision", self.stage
        if decision == Decision.REJECT:
            return "rejected", self.stage
        return "approved", self.stage


def snapshot(pk):
    """Everything an action may change."""
    submission = Submission.objects.get(pk=pk)
    return (
        {field.attname: getattr(submission, field.attname) for field in Submission._meta.concrete_fields},
        list(Task.objects.filter(process_id=pk).order_by("pk").values_list("pk", "status", "owner_id")),
        list(SubmissionEvent.objects.filter(submission_id=pk).values_list("pk", flat=True)),
        list(submission.authors.values_list("pk", "full_name")),
    )


def make_machine(cast, tally):
    users = cast["users"]

    class Review(RuleBasedStateMachine):
        submissions = Bundle("submissions")

        def __init__(self):
            super().__init__()
            self.savepoint = transaction.savepoint()  # each example starts from the same network
            self.models = {}
            self.step = 0

        def teardown(self):
            transaction.savepoint_rollback(self.savepoint)

        # The steps -----------------------------------------------------------------------------------------------

        def whose_turn(self, pk, actor, kind):
            if actor != "whose turn":
                return actor
            model = self.models[pk]
            return model.author if kind == "author" else model.reviewer_in_scope(cast)

        def attempt(self, pk, actor, allowed, action, expected_events=(), stranger=False):
            """Run `action`; a permitted one must succeed and write its history, a refused one change nothing.
            A `stranger` (not the author, or a reviewer out of scope) is refused with PermissionDenied."""
            before = snapshot(pk)
            last_event = (
                SubmissionEvent.objects.filter(submission_id=pk).order_by("-pk").values_list("pk", flat=True).first()
                or 0
            )
            tally[f"{sys._getframe(1).f_code.co_name} {'permitted' if allowed else 'refused'}"] += 1
            if allowed:
                action()
                new = list(
                    SubmissionEvent.objects.filter(submission_id=pk, pk__gt=last_event).values_list(
                        "action", "actor_id"
                    )
                )
                for expected in expected_events:
                    assert (expected, users[actor].pk) in new or (expected, None) in new, (expected, new)
                return True
            with pytest.raises(REFUSALS) as refusal:
                action()
            if stranger:
                assert refusal.type is PermissionDenied, (actor, refusal.value)
            assert snapshot(pk) == before, f"{actor} was refused but changed something"
            return False

        @initialize(
            target=submissions, author=st.sampled_from(["teacher_a", "teacher_b"]), category=st.sampled_from(CATEGORIES)
        )
        def first_draft(self, author, category):
            return self.new_draft(author, category)

        @precondition(lambda self: len(self.models) < 3)
        @rule(
            target=submissions, author=st.sampled_from(["teacher_a", "teacher_b"]), category=st.sampled_from(CATEGORIES)
        )
        def another_draft(self, author, category):
            return self.new_draft(author, category)

        def new_draft(self, author, category):
            self.step += 1
            submission = complete_draft(users[author], category=category, title=f"Experience {self.step}")
            self.models[submission.pk] = Model(author, category)
            assert list(submission.events.values_list("action", flat=True)) == ["created"]
            return submission.pk

        @rule(pk=submissions, actor=CHOSEN)
        def save(self, pk, actor):
            actor = self.whose_turn(pk, actor, "author")
            model = self.models[pk]
            allowed = actor == model.author and model.state in ("draft", "revision")
            self.step += 1
            text = f"Revised abstract {self.step}"

            def action():
                services.save_draft(users[actor], submission=Submission.objects.get(pk=pk), fields={"abstract": text})

            if self.attempt(pk, actor, allowed, action, stranger=actor != model.author):
                assert Submission.objects.get(pk=pk).abstract == text

        @rule(pk=submissions, actor=CHOSEN)
        def send(self, pk, actor):
            actor = self.whose_turn(pk, actor, "author")
            self.submit(pk, actor)

        @rule(pk=submissions, actor=CHOSEN)
        def resend(self, pk, actor):
            """The author changes the returned submission, then sends it back (anyone else is refused both)."""
            actor = self.whose_turn(pk, actor, "author")
            self.save(pk, actor)
            self.submit(pk, actor)

        def submit(self, pk, actor):
            model = self.models[pk]
            allowed = actor == model.author and model.state in ("draft", "revision")
            event = "submitted" if model.state == "draft" else "resubmitted"
            if self.attempt(
                pk,
                actor,
                allowed,
                lambda: services.submit(Submission.objects.get(pk=pk), users[actor]),
                [event],
                stranger=actor != model.author,
            ):
                model.state, model.stage = "in_review", model.stage or rules.Stage.SCHOOL
                model.owner = None

        def in_review(self):
            return [pk for pk, model in self.models.items() if model.state == "in_review"]

        def reviewed(self, pk):
            """A review action goes to the drawn submission if it is under review, else to one that is."""
            return pk if self.models[pk].state == "in_review" else self.in_review()[-1]

        def open_task(self, pk):
            return Task.objects.filter(process_id=pk, flow_task_type="HUMAN", status__in=OPEN).first()

        @precondition(lambda self: self.in_review())
        @rule(pk=submissions, actor=CHOSEN)
        def claim(self, pk, actor):
            pk = self.reviewed(pk)
            actor = self.whose_turn(pk, actor, "reviewer")
            model, task = self.models[pk], self.open_task(pk)
            if task is None or model.state != "in_review":
                return
            allowed = model.in_scope(actor, cast) and model.owner in (None, actor)
            events = ["claimed"] if model.owner is None else []
            stranger = not model.in_scope(actor, cast) and model.owner is None
            if self.attempt(pk, actor, allowed, lambda: services.claim(task.pk, users[actor]), events, stranger):
                model.owner = actor

        @precondition(lambda self: self.in_review())
        @rule(pk=submissions, actor=CHOSEN)
        def release(self, pk, actor):
            pk = self.reviewed(pk)
            actor = self.whose_turn(pk, actor, "reviewer")
            model, task = self.models[pk], self.open_task(pk)
            if task is None or model.state != "in_review":
                return
            allowed = model.owner == actor
            stranger = model.owner not in (None, actor)
            if self.attempt(
                pk, actor, allowed, lambda: services.release(task.pk, users[actor]), ["released"], stranger
            ):
                model.owner = None

        @precondition(lambda self: self.in_review())
        @rule(pk=submissions, actor=CHOSEN, decision=st.sampled_from(list(Decision)))
        def decide(self, pk, actor, decision):
            pk = self.reviewed(pk)
            actor = self.whose_turn(pk, actor, "reviewer")
            self.take(pk, actor, decision)

        @precondition(lambda self: self.in_review())
        @rule(pk=submissions, actor=CHOSEN)
        def return_for_revision(self, pk, actor):
            pk = self.reviewed(pk)
            actor = self.whose_turn(pk, actor, "reviewer")
            self.take(pk, actor, Decision.RETURN)

        def take(self, pk, actor, decision):
            model, task = self.models[pk], self.open_task(pk)
            if task is None or model.state != "in_review":
                return
            allowed = (
                model.in_scope(actor, cast)
                and model.owner in (None, actor)
                and decision in rules.decisions_for(model.stage, model.category)
            )
            events = [decision.value] + (["published"] if decision == Decision.APPROVE else [])

            def action():
                services.decide(task.pk, users[actor], decision, comment="The reason, for the author.", **PROTOCOL)

            stranger = not model.in_scope(actor, cast) and model.owner is None
            if self.attempt(pk, actor, allowed, action, events, stranger):
                model.state, model.stage = model.after(decision)
                model.owner = None

        @rule(pk=submissions, actor=CHOSEN)
        def withdraw(self, pk, actor):
            actor = self.whose_turn(pk, actor, "author")
            model = self.models[pk]
            allowed = actor == model.author and model.state in ("draft", "in_review", "revision")
            if self.attempt(
                pk,
                actor,
                allowed,
                lambda: services.withdraw(Submission.objects.get(pk=pk), users[actor], "No longer"),
                ["withdrawn"],
                stranger=actor != model.author,
            ):
                model.state, model.owner = "withdrawn", None

        # After every step ----------------------------------------------------------------------------------------

        @invariant()
        def viewflow_and_the_stored_copy_and_the_model_agree(self):
            for pk, model in self.models.items():
                stored = Submission.objects.get(pk=pk)
                state, stage = viewflow_says(stored)  # also: at most one open task
                assert stored.state == state == model.state, (stored.state, state, model.state)
                assert (stored.state, stored.stage, stored.reached) == position(stored)[:3]
                assert stored.stage == model.stage, (stored.stage, model.stage)
                if stage is not None:
                    assert stored.stage == stage
                task = self.open_task(pk)
                owner = task.owner_id if task is not None and state == "in_review" else None
                assert owner == (users[model.owner].pk if model.owner else None)

    return Review


def test_random_sequences_of_review_actions_by_users_in_and_out_of_scope(cast):
    tally = collections.Counter()
    run_state_machine_as_test(
        make_machine(cast, tally),
        settings=hypothesis_settings(
            max_examples=40,
            stateful_step_count=15,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            database=None,
            # The same examples on every run: CI must not depend on whether this run's random examples happened
            # to take a task (the tally below checks that they do).
            derandomize=True,
        ),
    )
    print(sorted(tally.items()))  # what the examples did (pytest -s shows it)
    assert tally["take permitted"] > 0 and tally["take refused"] > 0 and tally["submit permitted"] > 0
