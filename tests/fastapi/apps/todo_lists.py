# Todo lists: classic CRUD with PUT / PATCH (all-optional model) / DELETE 204 and nested items.
# Auth: none.
from fastapi import FastAPI, HTTPException, Response, status
from pydantic import BaseModel, Field

app = FastAPI(title="Todo Lists", version="1.0.0")


class TodoItem(BaseModel):
    text: str = Field(min_length=1, max_length=200)
    done: bool = False


class TodoListIn(BaseModel):
    name: str = Field(min_length=1, max_length=50)
    items: list[TodoItem] = []
    archived: bool = False


class TodoList(TodoListIn):
    id: int


class TodoListPatch(BaseModel):
    name: str | None = Field(default=None, min_length=1, max_length=50)
    archived: bool | None = None


LISTS = {1: TodoList(id=1, name="Weekend", items=[TodoItem(text="mow lawn"), TodoItem(text="bake", done=True)])}


def _get(list_id: int) -> TodoList:
    if list_id not in LISTS:
        raise HTTPException(404, "no such list")
    return LISTS[list_id]


@app.get("/lists", response_model=list[TodoList])
def all_lists(include_archived: bool = False) -> list[TodoList]:
    return [l for l in LISTS.values() if include_archived or not l.archived]


@app.post("/lists", response_model=TodoList, status_code=status.HTTP_201_CREATED)
def create_list(body: TodoListIn) -> TodoList:
    new = TodoList(id=max(LISTS, default=0) + 1, **body.model_dump())
    LISTS[new.id] = new
    return new


@app.get("/lists/{list_id}", response_model=TodoList)
def get_list(list_id: int) -> TodoList:
    return _get(list_id)


@app.put("/lists/{list_id}", response_model=TodoList)
def replace_list(list_id: int, body: TodoListIn) -> TodoList:
    _get(list_id)
    LISTS[list_id] = TodoList(id=list_id, **body.model_dump())
    return LISTS[list_id]


@app.patch("/lists/{list_id}", response_model=TodoList)
def patch_list(list_id: int, body: TodoListPatch) -> TodoList:
    LISTS[list_id] = _get(list_id).model_copy(update=body.model_dump(exclude_none=True))
    return LISTS[list_id]


@app.post("/lists/{list_id}/items", response_model=TodoList, status_code=201)
def add_item(list_id: int, item: TodoItem) -> TodoList:
    cur = _get(list_id)
    LISTS[list_id] = cur.model_copy(update={"items": [*cur.items, item]})
    return LISTS[list_id]


@app.delete("/lists/{list_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_list(list_id: int) -> None:
    _get(list_id)
    del LISTS[list_id]
