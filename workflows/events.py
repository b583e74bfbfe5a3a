"""What happens in the review, announced as Django signals; the review's code sends them, and whoever cares listens.

The flow and the services do not know who is told: `workflows/notifications.py` connects its receivers in
`WorkflowsConfig.ready` (e-mail after the commit). Each signal is sent inside the transition's transaction.
"""

from django.dispatch import Signal

# A stage's task was created (a submission arrived at a stage); sent with task_id.
task_arrived = Signal()
# A reviewer decided (endorse, forward, approve, return, reject); sent with event_id (the SubmissionEvent).
decision_taken = Signal()
