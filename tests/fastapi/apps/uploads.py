# Document uploads: single UploadFile, several files, File() as raw content, file + form fields.
# Auth: none. Responses only describe the uploads (sizes / checksums), no bytes in JSON.
import hashlib

from fastapi import FastAPI, File, Form, UploadFile
from pydantic import BaseModel

app = FastAPI(title="Uploads", version="1.0.0")


class FileInfo(BaseModel):
    filename: str | None
    content_type: str | None
    size: int
    sha256: str


class Document(BaseModel):
    title: str
    category: str
    confidential: bool
    file: FileInfo


async def _info(f: UploadFile) -> FileInfo:
    data = await f.read()
    return FileInfo(filename=f.filename, content_type=f.content_type, size=len(data),
                    sha256=hashlib.sha256(data).hexdigest())


@app.post("/upload", response_model=FileInfo)
async def upload_one(file: UploadFile) -> FileInfo:
    return await _info(file)


@app.post("/upload/many", response_model=list[FileInfo])
async def upload_many(files: list[UploadFile] = File(description="One or more files")) -> list[FileInfo]:
    return [await _info(f) for f in files]


@app.post("/checksum", response_model=dict[str, int | str])
def checksum(blob: bytes = File()) -> dict[str, int | str]:
    return {"size": len(blob), "md5": hashlib.md5(blob).hexdigest()}


@app.post("/documents", response_model=Document, status_code=201)
async def upload_document(
    title: str = Form(min_length=1, max_length=100),
    category: str = Form("general"),
    confidential: bool = Form(False),
    file: UploadFile = File(),
) -> Document:
    return Document(title=title, category=category, confidential=confidential, file=await _info(file))


@app.post("/avatar", response_model=FileInfo | None)
async def optional_avatar(avatar: UploadFile | None = None) -> FileInfo | None:
    return None if avatar is None else await _info(avatar)
