"""Who may see and decide what: every scoping question of the review is answered here.

Roles are rows of ReviewerRole scoped to a school or a region, never global Django permissions: viewflow's own
`can_assign` accepts a global permission, which would leak every school's tasks (docs/measurements.md).
"""

from django.db.models import Q

from workflows import rules
from workflows.models import ReviewerRole, Submission, SubmissionAuthor

Role = ReviewerRole.Role
ROLE_BY_STAGE = {stage: role for role, stage in ReviewerRole.STAGE_BY_ROLE.items()}


def roles_of(user):
    """The user's reviewer roles, read once per user object."""
    if user is None or not user.is_authenticated or not user.is_active:
        return []
    if not hasattr(user, "_workflow_roles"):
        user._workflow_roles = list(ReviewerRole.objects.filter(user=user))
    return user._workflow_roles


def is_reviewer(user):
    return bool(roles_of(user)) or bool(user and user.is_authenticated and user.is_superuser)


def reviews_only(user):
    """A reviewer who edits no page: the admin offers them the review, not the page tools they cannot use (the
    dashboard's "search all pages", "Reports")."""
    from wagtail.admin.auth import user_has_any_page_permission

    return bool(roles_of(user)) and not user_has_any_page_permission(user)


# A role's scope, said once: the fields of the role that must equal the submission's (role field, submission
# field). The first head of the teacher's own organisation signs (a partner school's head for its teachers); a
# regional council member sees their region; an association formed by profile sees its subject (an association
# with no subject sees every profile); the republican council sees everything that reaches it.
SCOPE = {
    Role.SCHOOL_HEAD: (("school_id", "school_id"), ("partner_school_id", "partner_school_id")),
    Role.REGIONAL_COUNCIL: (("region_id", "region_id"),),
    Role.ASSOCIATION: (("subject", "subject"),),
    Role.REPUBLICAN_COUNCIL: (),
}


def scope_of(role):
    if role.role == Role.ASSOCIATION and not role.subject:
        return ()
    return SCOPE[role.role]


def role_covers(role, submission):
    """The single check, from SCOPE."""
    return all(getattr(submission, theirs) == getattr(role, ours) for ours, theirs in scope_of(role))


def scope_q(role, prefix=""):
    """The same scope as a Q over Submission (or over a relation to it, with `prefix`), from SCOPE."""
    return Q(**{f"{prefix}{theirs}": getattr(role, ours) for ours, theirs in scope_of(role)})


def can_review(user, stage, submission):
    """May this user decide (or claim) the task of `stage` for this submission?"""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if submission.author_id == user.pk:
        return False  # nobody reviews their own submission
    if user.is_superuser:
        return True
    return any(role.stage == stage and role_covers(role, submission) for role in roles_of(user))


def categories_through(stage):
    return [category for category, route in rules.ROUTES.items() if stage in route]


def _scope_q(role, prefix=""):
    """Submissions a role may see, as a Q over Submission (or over a relation to it, with `prefix`)."""
    stage = role.stage
    position = 0 if stage == rules.Stage.SCHOOL else (2 if stage == rules.Stage.REPUBLICAN else 1)
    q = Q(**{f"{prefix}reached__gte": position, f"{prefix}category__in": categories_through(stage)})
    q &= ~Q(**{f"{prefix}state": Submission.State.DRAFT})
    return q & scope_q(role, prefix)


def visible_submissions(user, queryset=None):
    """Submissions the user may open: their own, and those their roles have reached."""
    queryset = Submission.objects.all() if queryset is None else queryset
    if user is None or not user.is_authenticated or not user.is_active:
        return queryset.none()
    if user.is_superuser:
        return queryset.filter(Q(author=user) | ~Q(state=Submission.State.DRAFT))
    q = Q(author=user) | Q(pk__in=SubmissionAuthor.objects.filter(user=user).values("submission_id"))
    for role in roles_of(user):
        q |= _scope_q(role)
    return queryset.filter(q)


def can_view_submission(user, submission):
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if submission.author_id == user.pk:
        return True
    if user.is_superuser:
        return submission.state != Submission.State.DRAFT
    if submission.authors.filter(user=user).exists():
        return True
    return visible_submissions(user, Submission.objects.filter(pk=submission.pk)).exists()


def actionable_tasks_q(user):
    """Open review tasks this user may claim or decide, as a Q over viewflow's Task."""
    from workflows.flows import SubmissionFlow

    if user.is_superuser:
        return Q(flow_task__in=[node for node in SubmissionFlow.review_nodes()])
    q = Q(pk__in=[])
    for role in roles_of(user):
        q |= Q(flow_task=SubmissionFlow.review_node(role.stage)) & scope_q(role, "process__submission__")
    # A task claimed by someone else is theirs until released; one's own submission is never one's task.
    return q & (Q(owner__isnull=True) | Q(owner=user)) & ~Q(process__submission__author=user)


def holders_of(stage, submission):
    """Every user holding the role of `stage` for this submission: they are told when its task arrives."""
    from django.contrib.auth import get_user_model

    role = ROLE_BY_STAGE[rules.Stage(stage)]
    # SCOPE read the other way round: the roles whose fields equal this submission's.
    matches = Q(**{ours: getattr(submission, theirs) for ours, theirs in SCOPE[role]})
    if role == Role.ASSOCIATION:
        matches |= Q(subject="")
    roles = ReviewerRole.objects.filter(matches, role=role)
    return (
        get_user_model().objects.filter(pk__in=roles.values("user_id"), is_active=True).exclude(pk=submission.author_id)
    )
