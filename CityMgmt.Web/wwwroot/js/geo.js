// The device's position (GPS) for 问题上报 and 我的任务; null when refused or unavailable.
export function locate() {
    return new Promise((resolve) => {
        if (!navigator.geolocation) {
            resolve(null);
            return;
        }
        navigator.geolocation.getCurrentPosition(
            (p) => resolve({ longitude: p.coords.longitude, latitude: p.coords.latitude, accuracy: p.coords.accuracy }),
            () => resolve(null),
            { enableHighAccuracy: true, timeout: 10000, maximumAge: 30000 });
    });
}
