# Task tracker protected by the OAuth2 password flow.
# Auth: POST /token with form username "user", password "pass" returns access token "test-token";
#       every /tasks endpoint needs "Authorization: Bearer test-token" (401 otherwise).
from typing import Literal

from fastapi import Depends, FastAPI, HTTPException, status
from fastapi.security import OAuth2PasswordBearer, OAuth2PasswordRequestForm
from pydantic import BaseModel, Field

app = FastAPI(title="OAuth2 Tasks", version="1.0.0")
oauth2 = OAuth2PasswordBearer(tokenUrl="token")


class Token(BaseModel):
    access_token: str
    token_type: Literal["bearer"] = "bearer"


class Task(BaseModel):
    id: int
    title: str = Field(max_length=100)
    done: bool = False


class TaskIn(BaseModel):
    title: str = Field(min_length=1, max_length=100)


TASKS = [Task(id=1, title="Water plants"), Task(id=2, title="File taxes", done=True)]


def current_user(token: str = Depends(oauth2)) -> str:
    if token != "test-token":
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "invalid token",
                            headers={"WWW-Authenticate": "Bearer"})
    return "user"


@app.post("/token", response_model=Token, tags=["auth"])
def login(form: OAuth2PasswordRequestForm = Depends()) -> Token:
    if form.username != "user" or form.password != "pass":
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "bad credentials",
                            headers={"WWW-Authenticate": "Bearer"})
    return Token(access_token="test-token")


@app.get("/tasks", response_model=list[Task], tags=["tasks"])
def list_tasks(done: bool | None = None, user: str = Depends(current_user)) -> list[Task]:
    return [t for t in TASKS if done is None or t.done == done]


@app.post("/tasks", response_model=Task, status_code=201, tags=["tasks"])
def add_task(body: TaskIn, user: str = Depends(current_user)) -> Task:
    task = Task(id=max(t.id for t in TASKS) + 1, title=body.title)
    TASKS.append(task)
    return task


@app.post("/tasks/{task_id}/complete", response_model=Task, tags=["tasks"])
def complete(task_id: int, user: str = Depends(current_user)) -> Task:
    for i, t in enumerate(TASKS):
        if t.id == task_id:
            TASKS[i] = t.model_copy(update={"done": True})
            return TASKS[i]
    raise HTTPException(404, "no such task")
