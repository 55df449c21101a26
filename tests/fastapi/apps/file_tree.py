# Virtual file system: a recursive tree model (directories contain nodes), path-like lookups.
# Auth: none.
from typing import Literal

from fastapi import FastAPI, HTTPException, Query
from pydantic import BaseModel, Field

app = FastAPI(title="File Tree", version="1.0.0")


class Node(BaseModel):
    name: str = Field(min_length=1)
    type: Literal["file", "dir"]
    size: int = Field(default=0, ge=0)
    children: list["Node"] = []


class Stats(BaseModel):
    files: int
    dirs: int
    total_size: int
    deepest: int


ROOT = Node(name="/", type="dir", children=[
    Node(name="etc", type="dir", children=[Node(name="hosts", type="file", size=220)]),
    Node(name="home", type="dir", children=[
        Node(name="ada", type="dir", children=[
            Node(name="notes.txt", type="file", size=1024),
            Node(name="src", type="dir", children=[Node(name="main.rs", type="file", size=4096)]),
        ]),
    ]),
    Node(name="README", type="file", size=64),
])


def _find(path: str) -> Node:
    node = ROOT
    for part in [p for p in path.split("/") if p]:
        match = [c for c in node.children if c.name == part]
        if not match:
            raise HTTPException(404, f"{part} not found")
        node = match[0]
    return node


def _prune(n: Node, depth: int) -> Node:
    kids = [] if depth == 0 else [_prune(c, depth - 1) for c in n.children]
    return n.model_copy(update={"children": kids})


@app.get("/tree", response_model=Node)
def get_tree(path: str = "/", depth: int = Query(default=10, ge=0, le=32)) -> Node:
    return _prune(_find(path), depth)


@app.post("/tree/stats", response_model=Stats)
def tree_stats(root: Node) -> Stats:
    def walk(n: Node, d: int) -> tuple[int, int, int, int]:
        f, dr, s, deep = (1, 0, n.size, d) if n.type == "file" else (0, 1, 0, d)
        for c in n.children:
            cf, cd, cs, cdeep = walk(c, d + 1)
            f, dr, s, deep = f + cf, dr + cd, s + cs, max(deep, cdeep)
        return f, dr, s, deep
    f, d, s, deep = walk(root, 0)
    return Stats(files=f, dirs=d, total_size=s, deepest=deep)
