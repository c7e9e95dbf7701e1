from django.dispatch import Signal

# Sent once, after the transaction that marks an enrolment complete commits.
# Receivers (certificates) get ``enrollment``.
enrollment_completed = Signal()
