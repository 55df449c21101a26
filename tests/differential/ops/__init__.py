"""One module per operation. Each has:

- `NAME`: the operationId (also the SDK's `<NAME>Request` class and, in snake
  case, its client method);
- `HAS_BODY`: whether a success body is compared (RetryTask has none);
- `RESPONSES`: its canned success responses, then `inputs.ERRORS`;
- `make_case(rng, case, i)`: fills the operation's fields into a case from
  `inputs.base_case`, valid or (with `refused` set) invalid;
- `REFUSALS`: the kinds of invalid input its invalid cases cycle through.
"""
from . import create_task, list_task_resources, list_tasks, retry_task, show_task_statistics

OPERATIONS = [create_task, list_tasks, list_task_resources, show_task_statistics, retry_task]
