# Threaded comments: recursive reply trees, optional parent ids, depth-limited retrieval, 201 creates.
# Auth: none; author comes from header "X-Author".
from datetime import datetime, timezone

from fastapi import FastAPI, Header, HTTPException, Query
from pydantic import BaseModel, Field

app = FastAPI(title="Comment Threads", version="1.0.0")


class Comment(BaseModel):
    id: int
    parent_id: int | None
    author: str
    text: str
    score: int = 0
    posted: datetime


class Thread(BaseModel):
    comment: Comment
    replies: list["Thread"] = []
    hidden_replies: int = 0


class NewComment(BaseModel):
    text: str = Field(min_length=1, max_length=1000)
    parent_id: int | None = None


T = datetime(2024, 9, 9, 9, 9, tzinfo=timezone.utc)
COMMENTS = {c.id: c for c in [
    Comment(id=1, parent_id=None, author="ann", text="First!", score=3, posted=T),
    Comment(id=2, parent_id=1, author="ben", text="Welcome", posted=T),
    Comment(id=3, parent_id=2, author="ann", text="Thanks", score=1, posted=T),
    Comment(id=4, parent_id=None, author="cid", text="Nice post", posted=T),
]}


def _thread(cid: int, depth: int) -> Thread:
    kids = sorted(c.id for c in COMMENTS.values() if c.parent_id == cid)
    if depth <= 0:
        return Thread(comment=COMMENTS[cid], hidden_replies=len(kids))
    return Thread(comment=COMMENTS[cid], replies=[_thread(k, depth - 1) for k in kids])


@app.get("/threads", response_model=list[Thread])
def threads(depth: int = Query(3, ge=0, le=10)) -> list[Thread]:
    return [_thread(c.id, depth) for c in COMMENTS.values() if c.parent_id is None]


@app.get("/comments/{comment_id}/thread", response_model=Thread)
def thread(comment_id: int, depth: int = Query(3, ge=0, le=10)) -> Thread:
    if comment_id not in COMMENTS:
        raise HTTPException(404, "no such comment")
    return _thread(comment_id, depth)


@app.post("/comments", response_model=Comment, status_code=201)
def post_comment(body: NewComment, x_author: str = Header(min_length=1, max_length=30)) -> Comment:
    if body.parent_id is not None and body.parent_id not in COMMENTS:
        raise HTTPException(404, "parent not found")
    c = Comment(id=max(COMMENTS) + 1, parent_id=body.parent_id, author=x_author, text=body.text, posted=T)
    COMMENTS[c.id] = c
    return c


@app.post("/comments/{comment_id}/vote", response_model=Comment)
def vote(comment_id: int, up: bool = True) -> Comment:
    if comment_id not in COMMENTS:
        raise HTTPException(404, "no such comment")
    c = COMMENTS[comment_id]
    COMMENTS[comment_id] = c.model_copy(update={"score": c.score + (1 if up else -1)})
    return COMMENTS[comment_id]
