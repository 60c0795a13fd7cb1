// 问题上报 draft kept in the browser (ADR 0012). Every field the supervisor types and every photo chosen is
// written to IndexedDB at once; 上报 posts the draft to /api/field/reports with a fresh antiforgery token. When
// the phone is offline the draft waits ("已离线，草稿已保存在本机") and is sent on the `online` event or when
// the page is opened again. The draft's key makes a repeated send return the first case, never a second one.
const DB_NAME = "citymgmt-field";
const DRAFTS = "reportDrafts";
const PHOTOS = "reportPhotos";
const RETRY_MS = 30000;
const OFFLINE = "已离线，草稿已保存在本机";

let state = null;
let pendingPosition = null;

function openDb() {
    return new Promise((resolve, reject) => {
        const request = indexedDB.open(DB_NAME, 1);
        request.onupgradeneeded = () => {
            request.result.createObjectStore(DRAFTS, { keyPath: "owner" });
            request.result.createObjectStore(PHOTOS, { keyPath: "id" }).createIndex("owner", "owner");
        };
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
    });
}

// One IndexedDB transaction; `work` gets the stores and returns the request whose result is wanted.
async function run(mode, work) {
    const db = await openDb();
    return new Promise((resolve, reject) => {
        const tx = db.transaction([DRAFTS, PHOTOS], mode);
        const request = work(tx.objectStore(DRAFTS), tx.objectStore(PHOTOS));
        tx.oncomplete = () => { db.close(); resolve(request?.result); };
        tx.onerror = tx.onabort = () => { db.close(); reject(tx.error); };
    });
}

function newKey() {
    if (crypto.randomUUID) {
        return crypto.randomUUID();
    }
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const emptyDraft = (owner) => ({
    owner, key: newKey(), categoryId: "", description: "", address: "", longitude: null, latitude: null,
    componentId: null, selfHandled: false, photos: [], queued: false, updatedAt: Date.now(),
});

// Writes are chained so a slow write never overtakes a later one.
function save() {
    const draft = { ...state.draft, updatedAt: Date.now() };
    state.writing = state.writing.then(() => run("readwrite", (drafts) => drafts.put(draft)))
        .catch(() => show("本机存储不可用，草稿无法保存", "error"));
    return state.writing;
}

function show(text, kind) {
    const box = state?.root.querySelector("[data-testid=report-status]");
    if (box) {
        box.textContent = text;
        box.dataset.state = kind;
        box.hidden = !text;
    }
}

export async function init(root, options) {
    dispose();
    const saved = await run("readonly", (drafts) => drafts.get(options.owner)).catch(() => null);
    state = { root, ...options, draft: saved ?? emptyDraft(options.owner), sending: false, writing: Promise.resolve(), timer: 0 };
    root.addEventListener("input", onInput);
    root.addEventListener("change", onInput);
    root.querySelector("[data-testid=report-submit]")?.addEventListener("click", submit);
    window.addEventListener("online", onOnline);
    window.addEventListener("offline", onOffline);
    document.body.dataset.offlineDraft = "on";
    if (!saved) {
        captureForm();
    }
    renderPhotos();
    if (saved?.queued && navigator.onLine) {
        setTimeout(send, 0);
    } else if (!navigator.onLine) {
        show(OFFLINE, "offline");
    } else if (saved) {
        show("已恢复本机保存的草稿", "info");
    }
    root.dataset.draftReady = "true";
    if (!saved) {
        return null;
    }
    const d = state.draft;
    return {
        categoryId: d.categoryId || null, description: d.description, address: d.address, longitude: d.longitude, latitude: d.latitude,
        componentId: d.componentId, selfHandled: d.selfHandled, photoCount: d.photos.length, queued: d.queued,
    };
}

export function dispose() {
    if (!state) {
        return;
    }
    state.root.removeEventListener("input", onInput);
    state.root.removeEventListener("change", onInput);
    state.root.querySelector("[data-testid=report-submit]")?.removeEventListener("click", submit);
    window.removeEventListener("online", onOnline);
    window.removeEventListener("offline", onOffline);
    clearTimeout(state.timer);
    delete document.body.dataset.offlineDraft;
    state = null;
}

// The page found the position (GPS or map) and its address: kept with the draft.
export function setPosition(longitude, latitude, componentId, address) {
    if (!state) {
        pendingPosition = [longitude, latitude, componentId, address];
        return;
    }
    Object.assign(state.draft, { longitude, latitude, componentId, address: address ?? state.draft.address });
    save();
}

// What was typed (or located) before this module was ready becomes the start of the draft.
function captureForm() {
    for (const input of state.root.querySelectorAll("[data-draft]")) {
        const field = input.dataset.draft;
        if (field !== "photos") {
            state.draft[field] = input.type === "checkbox" ? input.checked : input.value;
        }
    }
    if (pendingPosition) {
        const [longitude, latitude, componentId, address] = pendingPosition;
        Object.assign(state.draft, { longitude, latitude, componentId, address: address ?? state.draft.address });
    }
    pendingPosition = null;
    save();
}

function onInput(e) {
    const field = e.target.dataset?.draft;
    if (field === "photos") {
        if (e.type === "change") {
            addPhotos([...e.target.files]).finally(() => { e.target.value = ""; });
        }
        return;
    }
    if (field) {
        state.draft[field] = e.target.type === "checkbox" ? e.target.checked : e.target.value;
        save();
    }
}

async function imageType(file) {
    const b = new Uint8Array(await file.slice(0, 12).arrayBuffer());
    const at = (i, ...v) => v.every((x, j) => b[i + j] === x);
    if (at(0, 0xff, 0xd8, 0xff)) return "image/jpeg";
    if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
    if (at(0, 0x47, 0x49, 0x46, 0x38) && (b[4] === 0x37 || b[4] === 0x39) && b[5] === 0x61) return "image/gif";
    if (at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return "image/webp";
    return null;
}

// Bounded like the server: at most maxPhotos, each within maxBytes and an image by its first bytes.
async function addPhotos(files) {
    const problems = [];
    for (const file of files) {
        if (state.draft.photos.length >= state.maxPhotos) {
            problems.push(`每个环节最多上传${state.maxPhotos}张照片`);
            break;
        }
        if (file.size > state.maxBytes) {
            problems.push(`${file.name}：单个文件不能超过${Math.floor(state.maxBytes / 1048576)}MB`);
            continue;
        }
        const type = await imageType(file);
        if (!type) {
            problems.push(`${file.name}：只能上传JPEG、PNG、GIF或WebP格式的图片`);
            continue;
        }
        const photo = { id: newKey(), owner: state.draft.owner, name: file.name, type, size: file.size, blob: file.slice(0, file.size, type) };
        await run("readwrite", (_, photos) => photos.put(photo));
        state.draft.photos.push({ id: photo.id, name: photo.name, size: photo.size });
    }
    await save();
    renderPhotos();
    show(problems.join("；"), problems.length ? "error" : "");
}

async function removePhoto(id) {
    state.draft.photos = state.draft.photos.filter((p) => p.id !== id);
    await run("readwrite", (_, photos) => photos.delete(id));
    await save();
    renderPhotos();
}

function renderPhotos() {
    const list = state.root.querySelector("[data-draft-photos]");
    list.replaceChildren(...state.draft.photos.map((p) => {
        const chip = document.createElement("span");
        chip.className = "draft-photo";
        chip.dataset.testid = "report-photo";
        chip.textContent = `${p.name}（${Math.ceil(p.size / 1024)}KB）`;
        const remove = document.createElement("button");
        remove.type = "button";
        remove.textContent = "×";
        remove.setAttribute("aria-label", `删除${p.name}`);
        remove.addEventListener("click", () => removePhoto(p.id));
        chip.append(remove);
        return chip;
    }));
}

function problem(d) {
    if (!d.categoryId) return "请选择问题类别";
    if (d.longitude == null || d.latitude == null) return "请确定问题位置（使用当前位置或地图选点）";
    if (!d.description.trim()) return "问题描述不能为空";
    if (d.selfHandled && d.photos.length === 0) return "自行处置需上传处置后的现场照片";
    return null;
}

async function submit() {
    const wrong = problem(state.draft);
    if (wrong) {
        show(wrong, "error");
        return;
    }
    state.draft.queued = true;
    await save();
    await send();
}

function onOnline() {
    if (state?.draft.queued) {
        send();
    } else {
        show("", "");
    }
}

function onOffline() {
    show(state.draft.queued ? `${OFFLINE}，恢复网络后自动发送` : OFFLINE, "offline");
}

async function send() {
    if (!state || state.sending || !state.draft.queued) {
        return;
    }
    if (!navigator.onLine) {
        onOffline();
        return;
    }
    state.sending = true;
    clearTimeout(state.timer);
    const button = state.root.querySelector("[data-testid=report-submit]");
    button.disabled = true;
    show("正在发送…", "sending");
    try {
        const answer = await post(state.draft);
        if (answer.ok) {
            await forget(state.draft);
            show(`已发送（案件编号 ${answer.body.number}）`, "sent");
            const caseId = answer.body.caseId;
            setTimeout(() => location.assign(`/cases/${caseId}`), 600);
            return;
        }
        if (answer.status === 401 || answer.status === 403 || answer.status >= 500) {
            const why = answer.status >= 500 ? "服务器暂时无法处理" : "登录已过期，请重新登录";
            show(`${why}，草稿已保存在本机，稍后自动重试`, "error");
            state.timer = setTimeout(send, RETRY_MS);
        } else {
            state.draft.queued = false;
            await save();
            show(answer.body?.message ?? "上报失败，请检查后重试", "error");
        }
    } catch {
        onOffline();
    } finally {
        if (state) {
            state.sending = false;
            button.disabled = false;
        }
    }
}

async function post(draft) {
    const tokenResponse = await fetch("/api/field/reports/token", { credentials: "same-origin", cache: "no-store" });
    if (!tokenResponse.ok) {
        return { ok: false, status: tokenResponse.status };
    }
    const token = await tokenResponse.json();
    const form = new FormData();
    for (const name of ["key", "categoryId", "address", "description"]) {
        form.append(name, draft[name] ?? "");
    }
    form.append("longitude", String(draft.longitude));
    form.append("latitude", String(draft.latitude));
    form.append("componentId", draft.componentId ?? "");
    form.append("selfHandled", draft.selfHandled ? "true" : "false");
    for (const meta of draft.photos) {
        const photo = await run("readonly", (_, photos) => photos.get(meta.id));
        if (photo) {
            form.append("photos", photo.blob, photo.name);
        }
    }
    const response = await fetch("/api/field/reports", { method: "POST", body: form, credentials: "same-origin", headers: { [token.header]: token.token } });
    const body = await response.json().catch(() => null);
    return { ok: response.ok && body?.caseId, status: response.status, body };
}

// Sent: the draft and its photos leave the phone; the next report gets a new key.
async function forget(draft) {
    await run("readwrite", (drafts, photos) => {
        drafts.delete(draft.owner);
        for (const p of draft.photos) {
            photos.delete(p.id);
        }
    });
    state.draft = emptyDraft(draft.owner);
}
